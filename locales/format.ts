import type { Lang } from '../store/types';

const formatters = {
  kk: new Intl.DateTimeFormat('kk-KZ', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  ru: new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** A civil date ('YYYY-MM-DD') as people write it: "15 апреля 2026 г.", "2026 ж. 15 сәуір". */
export function formatCivilDate(iso: string, lang: Lang): string {
  return formatters[lang].format(new Date(`${iso}T00:00:00Z`));
}
