import kk from '../../locales/kk/widget.json';
import ru from '../../locales/ru/widget.json';

/** The widget's own labels, bundled from locales/<lang>/widget.json. */
export type Lang = 'kk' | 'ru';
export type TextKey = keyof typeof ru;

const TEXTS: Record<Lang, Record<TextKey, string>> = { kk, ru };

export function isLang(value: unknown): value is Lang {
  return value === 'kk' || value === 'ru';
}

/** A label in the language, its `{{name}}` placeholders filled. */
export function text(lang: Lang, key: TextKey, vars: Record<string, string | number> = {}): string {
  return TEXTS[lang][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}
