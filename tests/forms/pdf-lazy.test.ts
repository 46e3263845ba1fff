import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A Node process that notes every import of pdfkit in a file (a module resolve hook), starts the
 * server, then renders a form: pdfkit must be loaded by the form, not by the start.
 */
function startThenRender(): { atStart: boolean; afterForm: boolean; pdf: string } {
  const log = join(mkdtempSync(join(tmpdir(), 'pdf-lazy-')), 'resolved.log');
  const hooks = `export async function resolve(specifier, context, next) { if (specifier === 'pdfkit') (await import('node:fs')).appendFileSync(${JSON.stringify(log)}, 'pdfkit\\n'); return next(specifier, context); }`;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
  const script = `
    import { existsSync, readFileSync } from 'node:fs';
    const seen = () => existsSync(${JSON.stringify(log)}) && readFileSync(${JSON.stringify(log)}, 'utf8').includes('pdfkit');
    const { buildServer } = await import('./server.ts');
    const { loadConfig } = await import('./config.ts');
    const server = await buildServer(loadConfig({ HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent' }));
    await server.listen();
    const atStart = seen();
    const { renderFormPdf } = await import('./flows/forms/pdf.ts');
    const { schoolDuplicateForm } = await import('./flows/forms/school-duplicate.ts');
    const values = { school: '№ 12 мектеп', full_name: 'Әлімжанова Гүлнұр', iin: '850520400003', graduation_year: '2002', document: 'attestat', reason: 'lost' };
    const pdf = await renderFormPdf(schoolDuplicateForm.layout(values, 'ru', '22 ноября 2026 г.'), schoolDuplicateForm.title.ru);
    console.log(JSON.stringify({ atStart, afterForm: seen(), pdf: pdf.subarray(0, 5).toString() }));
    await server.close();
  `;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--import', `data:text/javascript,${encodeURIComponent(register)}`, '--input-type=module', '-e', script], {
    cwd: new URL('../..', import.meta.url).pathname,
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!);
}

describe('pdfkit on demand', () => {
  it('is not loaded when the server starts, and is when the first form is rendered', () => {
    expect(startThenRender()).toEqual({ atStart: false, afterForm: true, pdf: '%PDF-' });
  }, 40_000);
});
