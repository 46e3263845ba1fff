import { h } from '../dom';
import { lang, LANGS, setLang, t } from '../i18n';

/** Қазақша / Русский: two toggle buttons, each in its own language. */
export function langSwitch(): HTMLElement {
  return h(
    'div',
    { class: 'lang-switch', role: 'group', 'aria-label': t('lang.label') },
    LANGS.map((code) => h('button', { type: 'button', lang: code, 'data-key': `lang-${code}`, 'aria-pressed': String(code === lang()), onclick: () => void setLang(code) }, t(`lang.${code}`))),
  );
}
