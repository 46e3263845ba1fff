import { isLang, type Lang } from './texts';

/** What the site owner set on the script tag (`data-*`), read once. */
export interface Options {
  lang: Lang;
  position: 'right' | 'left';
  /** A title of the site's own instead of the widget's, in both languages. */
  title?: string;
  /** The colour of the header, launcher and send button; ignored when white text on it would be hard to read. */
  color?: string;
  open: boolean;
  /** An element to show the chat in, without a launcher (the page's own box). */
  inline?: Element;
  /** Where widget.js came from: the socket and uploads go there. */
  server: URL;
}

export function readOptions(script: HTMLScriptElement | null): Options {
  const data = script?.dataset ?? {};
  const pageLang = (data.lang ?? document.documentElement.lang ?? 'kk').slice(0, 2);
  const target = data.target ? document.querySelector(data.target) : document.getElementById('citizen-assistant');
  return {
    lang: isLang(pageLang) ? pageLang : 'kk',
    position: data.position === 'left' ? 'left' : 'right',
    ...(data.title ? { title: data.title } : {}),
    ...(data.color && readableOnWhiteText(data.color) ? { color: data.color } : {}),
    open: data.open === 'true' || data.open === '',
    ...(target ? { inline: target } : {}),
    server: new URL(script?.src ?? location.href),
  };
}

/** Whether white text on the colour reaches a contrast of 4.5:1 (WCAG AA). */
export function readableOnWhiteText(color: string): boolean {
  const hex = /^#([0-9a-f]{6})$/i.exec(color)?.[1];
  if (!hex) return false;
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  return 1.05 / (luminance + 0.05) >= 4.5;
}
