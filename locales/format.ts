import type { Lang } from '../store/types';

const withYear = {
  kk: new Intl.DateTimeFormat('kk-KZ', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  ru: new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const withoutYear = {
  kk: new Intl.DateTimeFormat('kk-KZ', { day: 'numeric', month: 'long', timeZone: 'UTC' }),
  ru: new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', timeZone: 'UTC' }),
};

/** How many dates a formatting keeps per language before it starts afresh: far more than a season of days. */
const REMEMBERED_DATES = 1024;

/**
 * A formatting of civil dates that keeps what it wrote: a turn shows the same few days again and
 * again (due dates, a visit's days, an application's history), and `Intl` takes microseconds each.
 */
function remembered(write: (date: Date, lang: Lang) => string): (iso: string, lang: Lang) => string {
  const written = { kk: new Map<string, string>(), ru: new Map<string, string>() };
  return (iso, lang) => {
    const known = written[lang];
    let text = known.get(iso);
    if (text === undefined) {
      text = write(new Date(`${iso}T00:00:00Z`), lang);
      if (known.size >= REMEMBERED_DATES) known.clear();
      known.set(iso, text);
    }
    return text;
  };
}

/**
 * A civil date ('YYYY-MM-DD') as style.md writes it: "15 апреля 2026 г.", "2026 жылғы 15 сәуір"
 * (Intl writes the Kazakh year as "2026 ж.", an abbreviation the style does not use).
 */
export const formatCivilDate = remembered((date, lang) => {
  if (lang === 'ru') return withYear.ru.format(date);
  const parts = withYear.kk.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')} жылғы ${part('day')} ${part('month')}`;
});

/** A civil date's day and month: "15 декабря", "15 желтоқсан". */
export const formatDayAndMonth = remembered((date, lang) => withoutYear[lang].format(date));
