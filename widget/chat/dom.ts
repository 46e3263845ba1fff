/** An element with attributes and, optionally, its text (always as text, never as HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, content?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (content !== undefined) node.textContent = content;
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

/** Line icons drawn inline, so they show without an emoji or icon font. */
const ICONS = {
  chat: 'M4 5h16v11H9l-5 4z',
  close: 'M6 6l12 12M18 6L6 18',
  clip: 'M21 11.5l-8.5 8.5a5 5 0 0 1-7-7l9-9a3.3 3.3 0 0 1 4.7 4.7l-9 9a1.7 1.7 0 0 1-2.4-2.4l8.3-8.3',
  send: 'M4 12l16-8-6 16-2-6z',
  end: 'M5 7h14M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
  file: 'M6 3h8l4 4v14H6zM14 3v4h4',
} as const;

export function icon(name: keyof typeof ICONS): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  for (const [k, v] of Object.entries({
    viewBox: '0 0 24 24',
    width: '22',
    height: '22',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '2',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    'aria-hidden': 'true',
    focusable: 'false',
  }))
    svg.setAttribute(k, v);
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}

/** Text with its web addresses as links: only http(s), opened apart from the page (noopener). */
export function linkify(content: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const url = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)»]/gi;
  let last = 0;
  for (const match of content.matchAll(url)) {
    const at = match.index ?? 0;
    fragment.append(content.slice(last, at));
    const href = safeHref(match[0]);
    fragment.append(href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, match[0]) : match[0]);
    last = at + match[0].length;
  }
  fragment.append(content.slice(last));
  return fragment;
}

/** The address when it is http or https, else nothing (no javascript:, data: …). */
export function safeHref(address: string, base?: string): string | undefined {
  try {
    const url = new URL(address, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
