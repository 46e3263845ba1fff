import type { Lang } from '../store/types';

const formatters = {
  kk: new Intl.DateTimeFormat('kk-KZ', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  ru: new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/**
 * A civil date ('YYYY-MM-DD') as style.md writes it: "15 апреля 2026 г.", "2026 жылғы 15 сәуір"
 * (Intl writes the Kazakh year as "2026 ж.", an abbreviation the style does not use).
 */
export function formatCivilDate(iso: string, lang: Lang): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (lang === 'ru') return formatters.ru.format(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => formatters.kk.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return `${part('year')} жылғы ${part('day')} ${part('month')}`;
}
