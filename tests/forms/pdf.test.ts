import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderFormPdf } from '../../flows/forms/pdf';
import { schoolDuplicateForm } from '../../flows/forms/school-duplicate';

const values = {
  school: '№ 12 жалпы орта білім беретін мектеп, Қызылорда қ.',
  full_name: 'Әлімжанова Гүлнұр Қайратқызы',
  iin: '850520400003',
  graduation_year: '2002',
  document: 'attestat',
  reason: 'lost',
};

/** The text a PDF reader extracts from the first page (poppler's pdftotext), and the page as PNG. */
function readBack(pdf: Buffer): { text: string; png: string } {
  const dir = mkdtempSync(join(tmpdir(), 'form-'));
  const file = join(dir, 'form.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, ' ');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'page')]);
  return { text, png: join(dir, 'page.png') };
}

describe('application form PDF (seed 000, appendix 1)', () => {
  it('opens and shows the typed Kazakh name, the IIN and the request in Kazakh', async () => {
    const layout = schoolDuplicateForm.layout(values, 'kk', '2026 жылғы 22 қараша');
    const pdf = await renderFormPdf(layout, schoolDuplicateForm.title.kk);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, png } = readBack(pdf);
    expect(text).toContain('Әлімжанова Гүлнұр Қайратқызы');
    expect(text).toContain('850520400003');
    expect(text).toContain('Өтініш');
    expect(text).toMatch(/құжаттың жоғалуына байланысты маған аттестаттың телнұсқасын/);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    if (process.env.KEEP_FORM_PNG) writeFileSync(process.env.KEEP_FORM_PNG, readFileSync(png));
  });

  it('renders the Russian form with the chosen document and reason', async () => {
    const pdf = await renderFormPdf(schoolDuplicateForm.layout({ ...values, document: 'certificate', reason: 'name_changed' }, 'ru', '22 ноября 2026 г.'), schoolDuplicateForm.title.ru);
    const { text } = readBack(pdf);
    expect(text).toContain('Заявление');
    expect(text).toMatch(/выдать мне дубликат свидетельства в связи с изменением фамилии/);
    expect(text).toContain('Әлімжанова Гүлнұр Қайратқызы');
  });
});
