import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalog, FORM_IDS } from '../flows/catalog';
import { findForm } from '../flows/forms';
import { formatCivilDate } from '../locales/format';
import { createTexts, loadResources } from '../locales/i18n';

/**
 * Every text a citizen or an operator reads, in Kazakh and Russian, checked against the style
 * guide (shared/domain/style.md, "Checks that hold for every text" and the terms' "not" column):
 * the locale namespaces (the console's and the widget's included), the catalog's texts, the forms'
 * texts and the texts written into the flows' code as `{ kk: '…', ru: '…' }`.
 */

interface Pair {
  where: string;
  kk: string;
  ru: string;
}

const root = fileURLToPath(new URL('..', import.meta.url));

function leaves(value: unknown, prefix = ''): [string, string][] {
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  return typeof value === 'string' ? [[prefix, value]] : [];
}

const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

/** The locale texts, kk beside ru under the same key (plural forms beside the ru form they share a base with). */
function localePairs(): Pair[] {
  const resources = loadResources();
  const pairs: Pair[] = [];
  for (const ns of Object.keys(resources.ru)) {
    const kk = new Map(leaves(resources.kk[ns]).map(([k, v]) => [k, v]));
    const kkBase = new Map(leaves(resources.kk[ns]).map(([k, v]) => [baseKey(k), v]));
    for (const [key, ru] of leaves(resources.ru[ns])) {
      const kkText = kk.get(key) ?? kkBase.get(baseKey(key));
      if (kkText !== undefined) pairs.push({ where: `${ns}:${key}`, kk: kkText, ru });
    }
  }
  return pairs;
}

/** Every `{ kk, ru }` object reachable from a value: the catalog's and the forms' localized texts. */
function objectPairs(value: unknown, where: string, seen = new Set<unknown>()): Pair[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  const record = value as Record<string, unknown>;
  if (typeof record.kk === 'string' && typeof record.ru === 'string') return [{ where, kk: record.kk, ru: record.ru }];
  return Object.entries(record).flatMap(([k, v]) => objectPairs(v, `${where}.${k}`, seen));
}

/** Texts written into code as `{ kk: '…', ru: '…' }` (plain string literals), found in the source files; the catalog is walked as objects instead. */
function sourcePairs(): Pair[] {
  const files = ['flows', 'api/operator', 'bot', 'widget/operator'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.startsWith('catalog'))
      .map((f) => join(root, dir, f)),
  );
  const literal = "'((?:[^'\\\\]|\\\\.)*)'";
  const pattern = new RegExp(`kk:\\s*${literal},\\s*ru:\\s*${literal}`, 'g');
  return files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(pattern)].map((m) => ({ where: relative(root, file), kk: m[1]!.replace(/\\'/g, "'"), ru: m[2]!.replace(/\\'/g, "'") })));
}

const pairs: Pair[] = [
  ...localePairs(),
  ...catalog.flatMap((service) => objectPairs(service, `catalog ${service.id}`)),
  ...FORM_IDS.flatMap((id) => objectPairs(findForm(id), `form ${id}`)),
  ...sourcePairs(),
];
const texts = pairs.flatMap(({ where, kk, ru }) => [
  { where: `${where} (kk)`, lang: 'kk' as const, text: kk },
  { where: `${where} (ru)`, lang: 'ru' as const, text: ru },
]);

/** What a check found, as "where: text" lines, so that a failure names every text to fix at once. */
function offending(check: (text: string, lang: 'kk' | 'ru') => boolean): string[] {
  return texts.filter(({ text, lang }) => check(text, lang)).map(({ where, text }) => `${where}: ${text}`);
}

/** Interpolations and clock times are not punctuation of the text itself. */
const prose = (text: string) =>
  text
    .replace(/\{\{\s*\w+\s*\}\}/g, '0')
    .replace(/\d{1,2}:\d{2}/g, '0')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/\b[a-z]–[a-z]\b/g, '');

/**
 * Latin words a Kazakh or Russian text may hold: product and site names, file types, keys on the
 * keyboard and the prefixes of conversation numbers operators type. Anything else in Latin letters is English left in the text.
 */
const LATIN_ALLOWED = new Set([
  'google',
  'whatsapp',
  'iv',
  'egov',
  'egov.kz',
  'www.egov.kz',
  'egovmobile',
  'gov4c.kz',
  'www.gov4c.kz',
  'pdf',
  'jpeg',
  'jpg',
  'png',
  'telegram',
  'sms',
  'csv',
  'iin',
  'id',
  'url',
  'kb',
  'mb',
  'i',
  'ii',
  'iii',
  'hv',
  'cmp',
  'e-mail',
  'enter',
  'shift',
  'web',
  'tg',
]);

/**
 * The "not" column of style.md's terms table (shared/domain/style.md, "Terms"): words that must not
 * reach a reader, with the word style.md asks for instead.
 */
const NOT_TERMS: { lang: 'kk' | 'ru'; not: RegExp; use: string; citizenOnly?: true }[] = [
  { lang: 'ru', not: /Государственн(ая|ой|ую|ою) корпораци/i, use: 'Госкорпорация «Правительство для граждан» (ЦОН), then ЦОН' },
  { lang: 'kk', not: /(^|[^А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі])ХҚО([^А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]|$)/, use: 'ХҚКО' },
  { lang: 'ru', not: /единого контакт|единый контакт|едином контакт/, use: 'Единый контакт-центр 1414' },
  { lang: 'kk', not: /бірыңғай байланыс/, use: 'Бірыңғай байланыс орталығы 1414' },
  { lang: 'ru', not: /услугодател/i, use: 'школа, колледж, вуз or «организация, которая оказывает услугу»', citizenOnly: true },
  { lang: 'kk', not: /көрсетілетін қызметті беруші/i, use: 'мектеп, колледж, ЖОО or «қызметті көрсететін ұйым»', citizenOnly: true },
  { lang: 'ru', not: /(^|[^а-яё])инвалид(?!ност)/i, use: 'лица с инвалидностью (в том числе с детства)' },
  { lang: 'kk', not: /мүгедектер/i, use: 'мүгедектігі бар адамдар' },
  { lang: 'ru', not: /источник/i, use: 'правила, стандарт услуги', citizenOnly: true },
  { lang: 'kk', not: /дереккөз/i, use: 'қағида, қызмет стандарты', citizenOnly: true },
];

/** The catalog's notes for operators keep the legal terms they discuss (style.md bars some terms from citizen texts only). */
const forOperatorsOnly = (where: string) => where.includes('.operatorNotes.');

const KAZAKH_LETTER = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/;
const SENTENCE = /[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]{2,}.*\s.*[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]{2,}/;

describe('every kk and ru text follows style.md', () => {
  it('finds the texts it checks', () => {
    expect(texts.length).toBeGreaterThan(2000);
    expect(pairs.some((p) => p.where.startsWith('console:'))).toBe(true);
    expect(pairs.some((p) => p.where.startsWith('catalog '))).toBe(true);
    expect(pairs.some((p) => p.where.startsWith('form '))).toBe(true);
    expect(pairs.some((p) => p.where.startsWith('flows/complaint'))).toBe(true);
  });

  it('doubles no punctuation (an ellipsis is written "…")', () => {
    expect(offending((text) => /\.\.|,,|!!|\?\?|:\s*:|;;/.test(prose(text)))).toEqual([]);
  });

  it('has at most one colon in a line', () => {
    expect(
      offending((text) =>
        prose(text)
          .split('\n')
          .some((line) => (line.match(/:/g) ?? []).length > 1),
      ),
    ).toEqual([]);
  });

  it('mixes no Latin and Cyrillic letters inside one word', () => {
    expect(offending((text) => /[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі][A-Za-z]|[A-Za-z][А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]/.test(prose(text)))).toEqual([]);
  });

  it('has no English words beyond product names and file types', () => {
    const latinWords = (text: string) => (prose(text).match(/[A-Za-z][A-Za-z0-9.-]*[A-Za-z0-9]|[A-Za-z]/g) ?? []).map((w) => w.toLowerCase());
    // A site's address (www.gov4c.kz) is not a word.
    const english = (word: string) => !LATIN_ALLOWED.has(word) && !/^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.kz$/.test(word);
    expect(offending((text) => latinWords(text).some(english))).toEqual([]);
  });

  it('translates every sentence: no Kazakh text identical to its Russian one, no key name as text', () => {
    // A text in both languages at once (the language question) is the same in both.
    const untranslated = pairs.filter(({ kk, ru }) => kk === ru && SENTENCE.test(ru) && !KAZAKH_LETTER.test(ru)).map(({ where, ru }) => `${where}: ${ru}`);
    const keyAsText = pairs.filter(({ where, kk, ru }) => [kk, ru].some((t) => /^[\w-]+(:[\w.-]+|\.[\w.-]+)$/.test(t) || where.endsWith(`.${t}`) || where.endsWith(`:${t}`))).map((p) => p.where);
    expect([...untranslated, ...keyAsText]).toEqual([]);
  });

  it('uses the same {{variables}} in kk and ru', () => {
    const vars = (s: string) => [...new Set([...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]))].sort().join(',');
    expect(pairs.filter(({ kk, ru }) => vars(kk) !== vars(ru)).map(({ where, kk, ru }) => `${where}: ${kk} | ${ru}`)).toEqual([]);
  });

  it('ends a sentence once after a date: "9 декабря 2026 г.", never "г.."; the Kazakh date is "2026 жылғы 9 желтоқсан"', () => {
    const t = createTexts();
    expect(formatCivilDate('2026-12-09', 'kk')).toBe('2026 жылғы 9 желтоқсан');
    const date = { ru: formatCivilDate('2026-12-09', 'ru'), kk: formatCivilDate('2026-12-09', 'kk') };
    expect(date.ru).toBe('9 декабря 2026 г.');
    const withDates = localePairs().flatMap(({ where, ru }) => {
      const [ns, key] = where.split(':') as [string, string];
      const vars = Object.fromEntries([...ru.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => [m[1], date.ru]));
      return Object.keys(vars).length ? [`${where}: ${t.t('ru', `${ns}:${key}`, vars)}`] : [];
    });
    expect(withDates.length).toBeGreaterThan(20);
    expect(withDates.filter((line) => /г\.\./.test(line))).toEqual([]);
  });

  it.each(NOT_TERMS.map((t) => [t.not.source, t] as const))('does not say %s', (_, { lang, not, use, citizenOnly }) => {
    const checked = citizenOnly ? texts.filter((text) => !forOperatorsOnly(text.where)) : texts;
    const found = checked.filter((text) => text.lang === lang && not.test(text.text)).map(({ where, text }) => `${where}: ${text}`);
    expect(found, `style.md asks for: ${use}`).toEqual([]);
  });
});

describe('a condition and a refusal ground are said once, in the form style.md gives', () => {
  const conditions = catalog.flatMap((s) => s.documents.flatMap((d) => (d.condition ? [{ where: `${s.id}.${d.id}`, ...d.condition.text }] : [])));
  const grounds = catalog.flatMap((s) => s.refusalGrounds.intake.map((g, i) => ({ where: `${s.id}.intake.${i}`, ...g.text })));

  it('writes every condition to follow «Нужен, если» / «Қажет, егер»: a clause, not a sentence of its own', () => {
    const notClauses = [...conditions, ...grounds].filter(({ kk, ru }) => /^(Если|При|Для|Потому|[А-ЯЁ])/.test(ru) || /^(Себебі|[А-ЯӘҒҚҢӨҰҮҺІ])/.test(kk));
    expect(notClauses.map(({ where, ru, kk }) => `${where}: ${ru} | ${kk}`)).toEqual([]);
  });

  it('shows the condition of a document and the refusal grounds with one «если» / «егер» (ru and kk)', async () => {
    const { testEngine } = await import('./support/engine');
    const engine = testEngine({ now: () => new Date('2026-12-01T05:00:00Z') });
    const play = async (id: string, lang: 'kk' | 'ru', presses: string[]) => {
      await engine.handle({ conversationId: id, channel: 'web', langHint: lang, event: { type: 'start' } });
      let text = '';
      for (const press of presses) text = (await engine.handle({ conversationId: id, channel: 'web', event: { type: 'choice', id: press } })).replies.map((r) => r.text).join('\n');
      return text;
    };
    const school = ['menu:checklist', 'svc:duplicate-school', 'ans:channel:state_corporation', 'ans:applicant:parent', 'ans:reason:lost'];
    const ru = await play('web-words-ru', 'ru', school);
    expect(ru).toContain('Нужен, если за несовершеннолетнего заявление подаёт родитель (законный представитель).');
    expect(ru).not.toMatch(/Потому что|Нужен, если [А-ЯЁ]/);
    const kk = await play('web-words-kk', 'kk', school);
    expect(kk).toContain('Қажет, егер кәмелетке толмаған бала үшін өтінішті ата-анасы (заңды өкілі) берсе.');
    expect(kk).not.toMatch(/Себебі/);
    const details = await engine.handle({ conversationId: 'web-words-ru', channel: 'web', event: { type: 'choice', id: 'nav:details' } });
    const text = details.replies.map((r) => r.text).join('\n');
    const grounds = text.split('в приёме откажут, если:\n')[1]?.split('\n\n')[0] ?? '';
    expect(grounds).toMatch(/^• документы принесли не все/);
    expect(grounds).not.toMatch(/(^|[^а-яё])если([^а-яё]|$)/i);
  });

  it('heads the list with one colon at most, also for a service whose name has one, and counts progress as style.md does', async () => {
    const { testEngine } = await import('./support/engine');
    const engine = testEngine();
    for (const lang of ['ru', 'kk'] as const) {
      const id = `web-heading-${lang}`;
      await engine.handle({ conversationId: id, channel: 'web', langHint: lang, event: { type: 'start' } });
      await engine.handle({ conversationId: id, channel: 'web', event: { type: 'choice', id: 'menu:checklist' } });
      let result = await engine.handle({ conversationId: id, channel: 'web', event: { type: 'choice', id: 'svc:tvet-admission' } });
      for (;;) {
        const answer = result.replies.flatMap((r) => r.choices ?? []).find((c) => c.id.startsWith('ans:'));
        if (!answer) break;
        result = await engine.handle({ conversationId: id, channel: 'web', event: { type: 'choice', id: answer.id } });
      }
      const heading = result.replies.at(-1)!.text.split('\n')[0]!;
      expect(heading.match(/:/g)?.length ?? 0, heading).toBeLessThanOrEqual(1);
      expect(heading).toMatch(lang === 'ru' ? /\(готово 0 из \d\)\.$/ : /\(дайыны: 0\/\d\)\.$/);
    }
  });
});
