import kk from '../../locales/kk/console.json';
import ru from '../../locales/ru/console.json';

/** The console's texts, from locales/{kk,ru}/console.json (bundled), with {{variables}}. */
export type Lang = 'kk' | 'ru';
export const LANGS: readonly Lang[] = ['kk', 'ru'];

type Leaves<T, P extends string = ''> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T & string];
export type TextKey = Leaves<typeof ru>;

const TEXTS: Record<Lang, unknown> = { kk, ru };
const STORAGE_KEY = 'operator-console-lang';
const listeners = new Set<() => void>();

export function isLang(value: unknown): value is Lang {
  return value === 'kk' || value === 'ru';
}

function lookup(tree: unknown, key: string): string | undefined {
  let node = tree;
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

function storedLang(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** `?lang=` first, then the language chosen earlier in this browser, then the page's (the server's default, ru). */
function initialLang(): Lang {
  const candidates = [new URLSearchParams(location.search).get('lang'), storedLang(), document.documentElement.lang];
  return candidates.find(isLang) ?? 'ru';
}

let current: Lang = initialLang();

export function lang(): Lang {
  return current;
}

export function t(key: TextKey, vars: Record<string, string | number> = {}): string {
  const template = lookup(TEXTS[current], key) ?? lookup(TEXTS.ru, key) ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

function applyToPage(): void {
  document.documentElement.lang = current;
  document.title = t('title');
}

/** Switches the interface language, remembers it, keeps it in the address (a reload keeps it) and re-renders. */
export function setLang(next: Lang): void {
  if (next === current) return;
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // private mode: the choice lasts for this page only
  }
  const url = new URL(location.href);
  url.searchParams.set('lang', next);
  history.replaceState(history.state, '', url);
  applyToPage();
  for (const listener of listeners) listener();
}

export function onLangChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

applyToPage();
