import { h, type Child } from '../dom';
import { isLang, t } from '../i18n';
import type { ServiceInfo } from '../types';

/** A value of any shape, readable: lists as lists, records as term/description pairs. */
function value(v: unknown): Child {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? t('data.yes') : t('data.no');
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.length ? h('ul', { class: 'plain' }, v.map((item) => h('li', {}, value(item)))) : '—';
  if (typeof v === 'object') return record(v as Record<string, unknown>);
  return String(v);
}

function record(entries: Record<string, unknown>): HTMLElement {
  return h(
    'dl',
    { class: 'pairs' },
    Object.entries(entries).map(([key, v]) => h('div', {}, h('dt', {}, key), h('dd', {}, value(v)))),
  );
}

function pair(label: string, content: Child): HTMLElement {
  return h('div', {}, h('dt', {}, label), h('dd', {}, content));
}

/**
 * The checklist's answers as "question: option label" (a dash after a question mark) once the catalog has answered (ids until then,
 * and for a question or option the catalog no longer has).
 */
function named(answers: Record<string, unknown>, info: ServiceInfo | undefined): HTMLElement {
  return h(
    'ul',
    { class: 'plain answers' },
    Object.entries(answers).map(([questionId, optionId]) => {
      const question = info?.questions?.find((q) => q.id === questionId);
      const option = question?.options.find((o) => o.id === optionId);
      const answer = option?.label ?? (typeof optionId === 'string' ? optionId : JSON.stringify(optionId));
      const asked = question?.text ?? questionId;
      // "Почему нужен дубликат? — Документ утерян", not "…?: …".
      return h('li', { 'data-question': questionId }, `${asked}${/[?:]$/.test(asked) ? ' — ' : ': '}${answer}`);
    }),
  );
}

const asRecord = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/**
 * What the flows collected (`data` of the conversation): the checklist (service, answers, ticked
 * documents), filled forms with their fields, limited mobility, the rating, and anything else as is.
 * `service` names the checklist's service and documents once the catalog has answered.
 */
export function collectedData(data: Record<string, unknown>, service?: (id: string) => ServiceInfo | undefined): HTMLElement {
  const rows: HTMLElement[] = [];
  const { checklist, forms, limitedMobility, rating, ...rest } = data;
  const list = asRecord(checklist);
  if (list) {
    const { serviceId, answers, ticked, ...more } = list;
    const info = typeof serviceId === 'string' ? service?.(serviceId) : undefined;
    if (serviceId) rows.push(pair(t('data.service'), info?.title ?? String(serviceId)));
    const given = asRecord(answers);
    if (given && Object.keys(given).length) rows.push(pair(t('data.answers'), named(given, info)));
    if (Array.isArray(ticked) && ticked.length) {
      const named = ticked.map((id) => info?.documents.find((d) => d.id === id)?.text ?? id);
      rows.push(pair(t('data.ticked'), value(named)));
    }
    for (const [key, v] of Object.entries(more)) rows.push(pair(key, value(v)));
  }
  for (const [formId, form] of Object.entries(asRecord(forms) ?? {})) {
    const filled = asRecord(form);
    const formLang = filled?.lang;
    rows.push(
      pair(
        t('data.forms'),
        h('div', {}, h('p', { class: 'form-title' }, formId, isLang(formLang) ? ` (${t('data.form_lang', { lang: t(`langs.${formLang}`) })})` : ''), value(filled?.values ?? filled)),
      ),
    );
  }
  if (limitedMobility !== undefined) rows.push(pair(t('data.mobility'), value(limitedMobility)));
  const rated = asRecord(rating);
  if (rated && typeof rated.score === 'number') {
    rows.push(pair(t('data.rating'), t('data.score', { score: rated.score })));
    if (typeof rated.comment === 'string' && rated.comment) rows.push(pair(t('data.comment'), rated.comment));
  }
  for (const [key, v] of Object.entries(rest)) rows.push(pair(key, value(v)));
  if (rows.length === 0) return h('p', { class: 'muted' }, t('data.none'));
  return h('dl', { class: 'pairs', 'data-testid': 'collected-data' }, rows);
}

