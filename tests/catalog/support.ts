import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parseCatalog, type SEED_FILES, type Service, type SourceRef, type Term } from '../../flows/catalog/schema';
import { documentsFor, termsFor, type Answers } from '../../flows/catalog/personalise';

/**
 * Shared checks for catalog entries: every cited seed passage exists, key facts can be found in the
 * lines they cite, and texts are written in one script per word.
 */

export type SeedFile = (typeof SEED_FILES)[number];

const fileCache = new Map<SeedFile, string[]>();

/** The raw lines of a seed file (index 0 is line 1), from the copy of the legal texts in flows/catalog/seeds. */
export function seedFileLines(file: SeedFile): string[] {
  let lines = fileCache.get(file);
  if (!lines) {
    const text = readFileSync(new URL(`../../flows/catalog/seeds/${file}`, import.meta.url), 'utf8');
    lines = text.replace(/\r\n?/g, '\n').split('\n');
    if (lines.at(-1) === '') lines.pop(); // a trailing newline ends the last line, it does not start one
    fileCache.set(file, lines);
  }
  return lines;
}

/** "L10-20" or "L10" → { start: 10, end: 20 }. */
export function parseLineRange(range: string): { start: number; end: number } {
  const match = /^L(\d+)(?:-(\d+))?$/.exec(range);
  if (!match) throw new Error(`not a line range: ${range}`);
  const start = Number(match[1]);
  return { start, end: match[2] === undefined ? start : Number(match[2]) };
}

/** The lines of a seed in a range such as "L10-20" (1-based, inclusive); throws when out of the file. */
export function seedLines(file: SeedFile, range: string): string[] {
  const { start, end } = parseLineRange(range);
  const lines = seedFileLines(file);
  if (start < 1 || end < start || end > lines.length) throw new Error(`${file}: ${range} is outside lines 1-${lines.length}`);
  return lines.slice(start - 1, end);
}

/**
 * Text made comparable: lower case, one space between words, words split by a hyphen at a line end
 * joined again, Latin "i" inside Kazakh words read as Cyrillic "і" (the seeds mix them), and all
 * quotation marks the same.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/(\p{L})-[ \t]*\n\s*(\p{Ll})/gu, '$1$2')
    .replace(/(?<=[\u0400-\u04FF])i|i(?=[\u0400-\u04FF])/g, 'і')
    .replace(/(?<=[\u0400-\u04FF])I|I(?=[\u0400-\u04FF])/g, 'І')
    .replace(/[«»“”„"]/g, '"')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\\_/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The cited passage as normalised text. */
export function seedPassage(file: SeedFile, range: string): string {
  return normaliseText(seedLines(file, range).join('\n'));
}

/** Every `sources` entry in a catalog value, with the path it was found at (for readable failures). */
export function collectSources(value: unknown, path = ''): { path: string; source: SourceRef }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => collectSources(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === 'sources' && Array.isArray(child) ? (child as SourceRef[]).map((source, i) => ({ path: `${path}.sources[${i}]`, source })) : collectSources(child, path ? `${path}.${key}` : key),
  );
}

/** Every `{ kk, ru }` text in a catalog value, with its path. */
export function collectTexts(value: unknown, path = ''): { path: string; kk: string; ru: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => collectTexts(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (typeof record.kk === 'string' && typeof record.ru === 'string') return [{ path, kk: record.kk, ru: record.ru }];
  return Object.entries(record).flatMap(([key, child]) => collectTexts(child, path ? `${path}.${key}` : key));
}

/**
 * Every cited passage exists: the range lies inside the seed file and starts and ends on a line with
 * text (so a range cannot drift onto blank padding). With `requireLines`, every source gives lines.
 */
export function expectSourcesExist(service: Service, { requireLines = true } = {}): void {
  const problems: string[] = [];
  for (const { path, source } of collectSources(service)) {
    if (!source.lines) {
      if (requireLines) problems.push(`${path}: ${source.seed} "${source.ref}" gives no lines`);
      continue;
    }
    try {
      const lines = seedLines(source.seed, source.lines);
      if (!lines[0]?.trim() || !lines.at(-1)?.trim()) problems.push(`${path}: ${source.seed} ${source.lines} starts or ends on a blank line`);
    } catch (error) {
      problems.push(`${path}: ${(error as Error).message}`);
    }
  }
  expect(problems, problems.join('\n')).toEqual([]);
}

/** At least one of the sources cites lines that contain the keyword (compared after normalising). */
export function expectCited(sources: readonly SourceRef[], keyword: string): void {
  const wanted = normaliseText(keyword);
  const passages = sources.filter((s): s is SourceRef & { lines: string } => s.lines !== undefined).map((s) => ({ at: `${s.seed} ${s.lines}`, text: seedPassage(s.seed, s.lines) }));
  const found = passages.some((p) => p.text.includes(wanted));
  expect(found, `"${keyword}" not found in ${passages.map((p) => p.at).join(', ') || 'any cited lines'}`).toBe(true);
}

/** The keyword appears in the given seed lines. */
export function expectInSeed(file: SeedFile, range: string, keyword: string): void {
  expect(seedPassage(file, range), `${file} ${range}`).toContain(normaliseText(keyword));
}

/** A run of letters written partly in Cyrillic and partly in Latin, e.g. "бiлiм" with a Latin i. */
function mixesScripts(run: string): boolean {
  return /[\u0400-\u04FF]/.test(run) && /[A-Za-z]/.test(run);
}

/**
 * No word mixes Cyrillic and Latin letters (a Latin "i" or "a" inside a Kazakh or Russian word).
 * Letter runs are compared, so a hyphenated compound such as "SMS-хабарлама" is fine.
 */
export function expectSingleScriptWords(service: Service): void {
  const problems: string[] = [];
  for (const { path, kk, ru } of collectTexts(service))
    for (const [lang, text] of [
      ['kk', kk],
      ['ru', ru],
    ] as const)
      for (const run of text.match(/\p{L}+/gu) ?? []) if (mixesScripts(run)) problems.push(`${path}.${lang}: "${run}"`);
  expect(problems, problems.join('\n')).toEqual([]);
}

/** The Kazakh texts use Kazakh letters somewhere: a Russian text pasted into `kk` fails. */
export function expectKazakhLetters(service: Service): void {
  const kazakh = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;
  const problems = collectTexts(service)
    .filter(({ kk }) => kk.length > 25 && !kazakh.test(kk))
    .map(({ path, kk }) => `${path}.kk: "${kk}"`);
  expect(problems, problems.join('\n')).toEqual([]);
}

/** The ids of the documents a citizen with these answers must bring, in catalog order. */
export function docIds(service: Service, answers: Answers): string[] {
  return documentsFor(service, answers).map((d) => d.id);
}

/** Runs the checks every catalog entry must pass, whatever its content. */
export function expectWellFormedEntry(service: Service): void {
  expectSourcesExist(service);
  expectSingleScriptWords(service);
  expectKazakhLetters(service);
}

/** The document with this id; fails the test (with the ids there are) when the entry has none. */
export function documentById(service: Service, id: string): Service['documents'][number] {
  const found = service.documents.find((d) => d.id === id);
  expect(found, `${service.id} has no document ${id} (has ${service.documents.map((d) => d.id).join(', ')})`).toBeDefined();
  return found!;
}

/** The catalog accepts the entry on its own, and the entry passes the checks every entry must pass. */
export function expectValidEntry(service: Service): void {
  expect(parseCatalog([service])).toHaveLength(1);
  expectWellFormedEntry(service);
}

/**
 * A fee the seed does not state: marked not stated (and so not free, without claiming a charge), and
 * the text says so plainly, in one sentence, and offers 1414 in both languages. Every such service
 * comes from a college's slides, so the text names them, not "the rules".
 */
export function expectFeeNotStated(service: Service): void {
  expect(service.fee).toMatchObject({ stated: false, free: false });
  expect(service.fee.text.ru).toMatch(/^В материалах колледжа плата за эту услугу не указана — уточните в колледже или по 1414\./);
  expect(service.fee.text.kk).toMatch(/^Колледж материалдарында бұл қызметтің ақысы көрсетілмеген/);
  expect(service.fee.text.ru).not.toMatch(/правил/);
  expect(service.fee.text.kk).toContain('1414');
  expect(service.fee.text.ru).toContain('1414');
}

/** A fee the seed states as free for individuals, citing the lines that say so. */
export function expectStatedFree(service: Service, keyword = 'ақысыз негізде'): void {
  expect(service.fee).toMatchObject({ stated: true, free: true });
  expectCited(service.fee.sources, keyword);
}

/**
 * The after-hours rule as [channels it covers ('all' when every channel), closing times as
 * [channels, 'HH:MM']], or undefined for a service whose seed gives no such rule.
 */
export function expectAfterHours(service: Service, expected: ['all' | string[], [string[], string][]] | undefined): void {
  const rule = service.afterHours;
  if (expected === undefined) {
    expect(rule, `${service.id} must not claim an after-hours rule`).toBeUndefined();
    return;
  }
  expect(rule, `${service.id} has no after-hours rule`).toBeDefined();
  expect([rule!.channels ?? 'all', rule!.closingTimes.map((c) => [c.channels, c.closesAt])]).toEqual(expected);
  expectCited(rule!.sources, 'келесі жұмыс күн');
  // The seeds write times as "18.00-ге дейін": each closing time is in its cited lines.
  for (const { closesAt, sources } of rule!.closingTimes) expectCited(sources, `${closesAt.replace(':', '.')}-`);
}

/**
 * What a slide of seed 002 leaves out: the fee is not stated (so not marked free), and there is no
 * home visit, no refusal ground and no form.
 */
export function expectNoFeeHomeVisitRefusalsOrForm(service: Service): void {
  expectFeeNotStated(service);
  expect(service.homeVisit.available).toBe(false);
  expect(service.refusalGrounds).toEqual({ intake: [], service: [] });
  expect(service.form).toBeUndefined();
}

/** The headline term is of this kind and counts no days: there is no deadline to compute from it. */
export function expectTermWithoutDayCount(service: Service, kind: Term['kind']): void {
  expect(service.term.kind).toBe(kind);
  expect(service.term.workingDays).toBeUndefined();
  expect(service.term.calendarDays).toBeUndefined();
}

/** The documents as [id, required], in catalog order. */
export function expectDocumentList(service: Service, expected: [string, 'always' | 'conditional'][]): void {
  expect(service.documents.map((d) => [d.id, d.required])).toEqual(expected);
}

/** The documents as [id, required, channels], in catalog order (channels undefined: every channel). */
export function expectDocumentsPerChannel(service: Service, expected: [string, 'always' | 'conditional', string[] | undefined][]): void {
  expect(service.documents.map((d) => [d.id, d.required, d.channels])).toEqual(expected);
}

/** The other terms as [kind, amount in their own unit, channels or 'all'], in order. */
export function expectOtherTerms(service: Service, expected: [string, number | undefined, string[] | 'all'][]): void {
  expect(service.otherTerms.map((t) => [t.kind, t.workingDays ?? t.minutes ?? t.months ?? t.hours, t.channels ?? 'all'])).toEqual(expected);
}

/** The checklist for these answers: the ids of the documents to bring, in catalog order. */
export function expectChecklist(service: Service, answers: Answers, expectedIds: string[]): void {
  expect(docIds(service, answers), `documents for ${JSON.stringify(answers)}`).toEqual(expectedIds);
}

/** The terms shown for these answers, each as `pick` gives it (by default its kind), in order. */
export function expectTerms(service: Service, answers: Answers, expected: unknown[], pick: (term: Term) => unknown = (term) => term.kind): void {
  expect(termsFor(service, answers).map(pick), `terms for ${JSON.stringify(answers)}`).toEqual(expected);
}

/**
 * The three duplicate services repeat the standard clauses of the Rules on duplicates; each cites its
 * own lines for them, and those lines hold the clause.
 */
export function expectStandardDuplicateClausesCited(service: Service): void {
  const term = (kind: Term['kind']) => service.otherTerms.find((t) => t.kind === kind)?.sources ?? [];
  expectCited(term('provider_review'), '5 (бес) жұмыс күні');
  expectCited(term('sc_wait'), '15 минут');
  expectCited(term('sc_service'), '15 минут');
  expectCited(service.fee.sources, 'ақысыз негізде');
  expectCited(service.homeVisit.sources, '1414, 8 800 080 7777');
  expectCited(service.homeVisit.sources, 'тұратын жеріне бара отырып');
  expectCited(service.refusalGrounds.intake[0]!.sources, 'топтамасын толық ұсынбаған');
  expectCited(documentById(service, 'original_education_document').sources, 'түпнұсқасы қоса беріледі');
}

const KAZAKH_NUMERALS: Record<number, string> = { 3: 'үш', 5: 'бес', 10: 'он', 15: 'он бес' };

/**
 * The cited lines give this number of working days, as the seeds write it: "5 жұмыс күні",
 * "5 (бес) жұмыс күні" or "бес жұмыс күні" (and "бес" is not the end of "он бес").
 */
export function expectWorkingDaysCited(sources: readonly SourceRef[], days: number): void {
  const word = KAZAKH_NUMERALS[days];
  const numeral = `(?<![\\p{L}\\d])${days}(?: \\([\\p{L} ]+\\))?`;
  const pattern = new RegExp(`(?:${numeral}${word ? `|(?<![\\p{L}])(?<!он )${word}` : ''}) жұмыс күн`, 'u');
  const passages = sources.filter((s): s is SourceRef & { lines: string } => s.lines !== undefined).map((s) => ({ at: `${s.seed} ${s.lines}`, text: seedPassage(s.seed, s.lines) }));
  expect(
    passages.some((p) => pattern.test(p.text)),
    `${days} working days not found in ${passages.map((p) => p.at).join(', ')}`,
  ).toBe(true);
}

/**
 * The complaint procedure keeps its facts in the lines it cites: each addressee's review term, the
 * extension and its notice, the forwarding term and the court.
 */
export function expectComplaintCited(service: Service): void {
  const { complaint } = service;
  for (const a of complaint.addressees) expectWorkingDaysCited(a.sources, a.reviewWorkingDays);
  if (complaint.extension) {
    expectWorkingDaysCited(complaint.extension.sources, complaint.extension.maxWorkingDays);
    expectWorkingDaysCited(complaint.extension.sources, complaint.extension.noticeWorkingDays);
  }
  if (complaint.forwarding) expectWorkingDaysCited(complaint.forwarding.sources, complaint.forwarding.workingDays);
  expectCited(complaint.court.sources, 'сотқа');
  for (const a of complaint.addressees) {
    if (a.id === 'authorised_body') expectCited(a.sources, 'сапасын бағалау және бақылау жөніндегі уәкілетті орган');
    if (a.id === 'state_corporation') expectCited(a.sources, 'www.gov4c.kz');
    if (a.id === 'ministry') expectCited(a.sources, 'Мәңгілік Ел даңғылы, 8');
    if (a.id === 'akimat') expectCited(a.sources, 'жергілікті атқарушы органдары');
  }
}
