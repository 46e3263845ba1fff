import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataCorrectionForm } from '../../flows/forms/data-correction';
import { higherDuplicateForm } from '../../flows/forms/higher-duplicate';
import { renderFormPdf } from '../../flows/forms/pdf';
import { schoolDuplicateForm } from '../../flows/forms/school-duplicate';
import { tvetDuplicateForm } from '../../flows/forms/tvet-duplicate';
import type { FormDefinition, FormValues } from '../../flows/forms/types';

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

/** A typed name with every Kazakh letter: ә ғ қ ң ө ұ ү һ і. */
const KAZAKH_NAME = 'Жәңгірова-Өмірғалиева Нұргүл Шаһмарданқызы';
const TODAY = { kk: '2026 жылғы 22 қараша', ru: '22 ноября 2026 г.' } as const;

const filled: { form: FormDefinition; values: FormValues; hasIin: boolean; says: { kk: RegExp[]; ru: RegExp[] } }[] = [
  {
    form: tvetDuplicateForm,
    values: {
      head_name: 'Сұлтанбеков Әділ Қуанышұлы',
      full_name: KAZAKH_NAME,
      institution: 'Шымкент жоғары медициналық колледжі',
      graduation_year: '2012',
      specialty: 'Мейірбике ісі',
      institution_changed: '',
      duplicate: 'with_supplement',
      reason: 'damaged',
    },
    hasIin: false,
    says: {
      kk: [/Маған құжаттың бүлінуіне байланысты қосымшасымен бірге дипломның телнұсқасын беруіңізді сұраймын\./, /Шымкент жоғары медициналық колледжі, 2012/, /Мейірбике ісі мамандығы бойынша/],
      ru: [/Прошу Вас выдать мне дубликат диплома с приложением в связи с порчей документа\./, /по специальности Мейірбике ісі/],
    },
  },
  {
    form: higherDuplicateForm,
    values: {
      head_name: 'Тәңірбергенов Ғалымжан Әбенұлы',
      full_name: KAZAKH_NAME,
      full_name_en: 'Zhangirova-Omirgaliyeva Nurgul Shakhmardankyzy',
      former_name: 'Жәңгірова Нұргүл Шаһмарданқызы',
      specialty: 'Құқықтану',
      graduation_year: '2008',
      contacts: '+7 701 123 45 67',
      institution_changed: '',
      duplicate: 'supplement',
      reason: 'name_changed',
    },
    hasIin: false,
    says: {
      kk: [
        /Маған тегімнің \(атымның, әкемнің атының\) өзгеруіне байланысты қосымшаның телнұсқасын беруіңізді сұраймын\./,
        /Zhangirova-Omirgaliyeva Nurgul Shakhmardankyzy/,
        /баспа әріптермен толтырылады/,
      ],
      ru: [/Прошу Вас выдать мне дубликат приложения в связи с изменением фамилии \(имени, отчества\)\./, /печатными буквами/],
    },
  },
  {
    form: dataCorrectionForm,
    values: {
      head_name: '',
      full_name: KAZAKH_NAME,
      iin: '850520400003',
      contacts: '+7 701 123 45 67',
      document: 'Колледж дипломы, 2012',
      wrong: 'Жангирова Нургул',
      correct: 'Жәңгірова Нұргүл',
    },
    hasIin: true,
    says: {
      kk: [/Сізден білім туралы құжаттардағы мәліметтерді өзектендіруді \(түзетуді\) сұраймын\./, /«Жангирова Нургул» деп қате жазылған, дұрысы: «Жәңгірова Нұргүл»/],
      ru: [/Прошу актуализировать \(корректировать\) сведения в документах об образовании\./, /ошибочно указано «Жангирова Нургул», правильно: «Жәңгірова Нұргүл»/],
    },
  },
];

for (const { form, values, hasIin, says } of filled) {
  describe(`application form PDF: ${form.title.ru} (${form.id})`, () => {
    for (const lang of ['kk', 'ru'] as const) {
      it(`opens in ${lang} with the typed Kazakh name, ${hasIin ? 'the IIN' : 'no IIN line (the seed form has none)'} and the request`, async () => {
        const pdf = await renderFormPdf(form.layout(values, lang, TODAY[lang]), form.title[lang]);
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        const { text, png } = readBack(pdf);
        expect(text).toContain(KAZAKH_NAME);
        if (hasIin) expect(text).toContain(lang === 'kk' ? 'ЖСН 850520400003' : 'ИИН 850520400003');
        else expect(text).not.toMatch(/ЖСН|ИИН/);
        expect(text).toContain(lang === 'kk' ? 'Өтініш' : 'Заявление');
        expect(text).toContain(TODAY[lang]);
        for (const sentence of says[lang]) expect(text).toMatch(sentence);
        expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
      });
    }
  });
}
