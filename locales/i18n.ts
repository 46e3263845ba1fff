import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n } from 'i18next';
import type { Lang } from '../store/types';

export const LANGS: readonly Lang[] = ['kk', 'ru'];

/** A translator fixed to one language: `t('menu:greeting', { name })`. */
export type Translate = (key: string, vars?: Record<string, unknown>) => string;

type Resources = Record<Lang, Record<string, Record<string, unknown>>>;

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

const localesDir = fileURLToPath(new URL('.', import.meta.url));

/** Reads locales/<lang>/<namespace>.json: one namespace per flow. */
export function loadResources(dir = localesDir): Resources {
  const resources = {} as Resources;
  for (const lang of LANGS) {
    resources[lang] = {};
    for (const file of readdirSync(join(dir, lang)).filter((f) => f.endsWith('.json'))) {
      resources[lang][basename(file, '.json')] = JSON.parse(readFileSync(join(dir, lang, file), 'utf8'));
    }
  }
  return resources;
}

export interface Texts {
  t(lang: Lang, key: string, vars?: Record<string, unknown>): string;
  translator(lang: Lang): Translate;
  /** A key's text in both languages: `{ kk: 'Өзім үшін', ru: 'Для себя' }`. */
  both(key: string): Readonly<Record<Lang, string>>;
  namespaces: string[];
}

export function createTexts(resources: Resources = loadResources()): Texts {
  const namespaces = Object.keys(resources.ru);
  const instance: i18n = i18next.createInstance();
  void instance.init({
    resources,
    lng: 'kk',
    fallbackLng: false,
    supportedLngs: [...LANGS],
    ns: namespaces,
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // Texts are looked up on every turn (menus, buttons, due dates) and i18next resolves a key in
  // microseconds, which adds up: each key is resolved once per language (and plural form) and kept.
  const translators = new Map(
    LANGS.map((lang) => {
      const t = instance.getFixedT(lang);
      const plurals = new Intl.PluralRules(lang);
      const templates = new Map<string, Template>();
      const translate: Translate = (key, vars) => {
        const count = vars?.count;
        // i18next picks a plural form by the count's category, and `_zero` for 0 where a text has one.
        const form = typeof count === 'number' ? (count === 0 ? 'zero' : plurals.select(count)) : undefined;
        const cacheKey = form === undefined ? key : `${key}#${form}`;
        let template = templates.get(cacheKey);
        if (template === undefined) {
          template = compile((form === undefined ? t(key) : t(key, { count, skipInterpolation: true })) as string);
          templates.set(cacheKey, template);
        }
        return fill(template, vars);
      };
      return [lang, translate] as const;
    }),
  );
  const translator = (lang: Lang): Translate => translators.get(lang)!;
  const both = (key: string) => ({ kk: translator('kk')(key), ru: translator('ru')(key) });
  return { t: (lang, key, vars) => translator(lang)(key, vars), translator, both, namespaces };
}

/** A text cut at its `{{placeholders}}`: text, name, text, name, …, text. */
type Template = string[];

function compile(text: string): Template {
  return text.split(PLACEHOLDER);
}

function fill(template: Template, vars: Record<string, unknown> | undefined): string {
  if (template.length === 1) return template[0]!;
  let text = template[0]!;
  for (let i = 1; i < template.length; i += 2) {
    const name = template[i]!;
    text += (vars && name in vars ? String(vars[name]) : `{{${name}}}`) + template[i + 1]!;
  }
  return text.includes('..') ? oneFullStop(text) : text;
}

/**
 * A value that ends with an abbreviation's full stop ("9 декабря 2026 г.") at the end of a sentence
 * ends the sentence too: the text's own full stop after it is dropped, never "г..".
 */
function oneFullStop(text: string): string {
  return text.replace(/(\s(?:г|гг|ж|т\.б|т\.д|т\.п))\.\.(?!\.)/g, '$1.');
}

export function isLang(value: unknown): value is Lang {
  return value === 'kk' || value === 'ru';
}
