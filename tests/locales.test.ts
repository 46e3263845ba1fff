import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { createTexts, loadResources } from '../locales/i18n';
import type { Lang } from '../store/types';

function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  return [[prefix, value]];
}

const resources = loadResources();
/** Plural forms differ by language (kk: one/other; ru: one/few/many/other): compare the base key. */
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const baseKeys = (entries: [string, unknown][]) => [...new Set(entries.map(([k]) => baseKey(k)))].sort();

describe('every text a citizen sees exists in Kazakh and Russian', () => {
  it('has the same namespaces in kk and ru', () => {
    expect(Object.keys(resources.kk).sort()).toEqual(Object.keys(resources.ru).sort());
  });

  it.each(Object.keys(resources.ru))('has the same keys in kk and ru in namespace %s, none empty', (ns) => {
    const kk = leaves(resources.kk[ns]);
    const ru = leaves(resources.ru[ns]);
    expect(baseKeys(kk)).toEqual(baseKeys(ru));
    for (const [key, value] of [...kk, ...ru]) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
  });

  it('gives every plural key all the forms its language needs', () => {
    const forms = { kk: ['one', 'other'], ru: ['one', 'few', 'many', 'other'] } as const;
    for (const lang of ['kk', 'ru'] as const) {
      const keys = leaves(resources[lang]).map(([k]) => k);
      for (const key of keys.filter((k) => k !== baseKey(k))) {
        for (const form of forms[lang]) expect(keys, `${lang} ${key}`).toContain(`${baseKey(key)}_${form}`);
      }
    }
  });

  it('writes Kazakh with Cyrillic letters, never Latin look-alikes inside Cyrillic words', () => {
    for (const [key, value] of leaves(resources.kk)) expect(value as string, key).not.toMatch(/[а-яәғқңөұүһі][a-z]|[a-z][а-яәғқңөұүһі]/i);
  });

  it('uses the same interpolation variables in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const kk = new Map(leaves(resources.kk).map(([k, v]) => [baseKey(k), v]));
    for (const [key, ru] of leaves(resources.ru)) expect(vars(kk.get(baseKey(key)) as string), key).toEqual(vars(ru as string));
  });
});

describe('texts with a count', () => {
  const texts = createTexts(resources);
  const reference = i18next.createInstance();
  void reference.init({ resources, fallbackLng: false, initAsync: false, interpolation: { escapeValue: false } });
  const pluralKeys = (lang: Lang) => [
    ...new Set(
      Object.entries(resources[lang]).flatMap(([ns, tree]) =>
        leaves(tree)
          .map(([k]) => k)
          .filter((k) => k !== baseKey(k))
          .map((k) => `${ns}:${baseKey(k)}`),
      ),
    ),
  ];

  it.each(['kk', 'ru'] as const)('take the plural form i18next would for every count (%s), though each form is looked up once', (lang) => {
    const keys = pluralKeys(lang);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      for (const count of [0, 1, 2, 3, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111]) {
        const vars = { count, date: '9 декабря 2026 г.', opens: '1 декабря', reason: 'X' };
        expect(texts.t(lang, key, vars), `${lang} ${key} ${count}`).toBe(
          reference
            .getFixedT(lang)(key, vars)
            .replace(/ г\.\.$/, ' г.'),
        );
      }
    }
  });
});
