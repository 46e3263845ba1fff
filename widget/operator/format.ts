import { lang, t } from './i18n';

/** How long since `since`, in whole minutes (under a minute, minutes, or hours and minutes). */
export function elapsed(since: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(since)) / 60_000));
  if (minutes < 1) return t('time.under_minute');
  if (minutes < 60) return t('time.minutes', { n: minutes });
  return t('time.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

/** A time of day, with the date too when it is not today. */
export function clock(at: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return '';
  const locale = lang() === 'kk' ? 'kk-KZ' : 'ru-RU';
  const today = new Date().toDateString() === date.toDateString();
  return date.toLocaleString(locale, today ? { hour: '2-digit', minute: '2-digit' } : { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' });
}
