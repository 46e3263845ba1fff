import type ru from '../../locales/ru/console.json';

/**
 * The console's texts, from locales/{kk,ru}/console.json, with {{variables}}. Only the language in
 * use is loaded, from /operator/texts/<lang> (the bundle holds neither): before the first screen,
 * and again when the operator switches.
 */
export type Lang = 'kk' | 'ru';
export const LANGS: readonly Lang[] = ['kk', 'ru'];

type Leaves<T, P extends string = ''> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T & string];
export type TextKey = Leaves<typeof ru>;

let texts: unknown = {};
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
  const template = lookup(texts, key) ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

function applyToPage(): void {
  document.documentElement.lang = current;
  document.title = t('title');
}

/** A language's texts; a failed request is tried again after 1, 2 and 4 s. */
async function fetchTexts(of: Lang): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(`/operator/texts/${of}`);
      if (response.ok) return await response.json();
      if (response.status < 500 || attempt >= 3) throw new Error(`texts ${of}: ${response.status}`);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
  }
}

/** Loads the starting language's texts; the console shows nothing before. */
export async function loadTexts(): Promise<void> {
  texts = await fetchTexts(current);
  applyToPage();
}

/** Switches the interface language, remembers it, keeps it in the address (a reload keeps it) and re-renders. */
export async function setLang(next: Lang): Promise<void> {
  if (next === current) return;
  // The choice is kept at once, so that a reload while the texts load keeps it too.
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // private mode: the choice lasts for this page only
  }
  const url = new URL(location.href);
  url.searchParams.set('lang', next);
  history.replaceState(history.state, '', url);
  texts = await fetchTexts(next);
  current = next;
  applyToPage();
  for (const listener of listeners) listener();
}

export function onLangChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
