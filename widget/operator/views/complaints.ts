import { COMPLAINT_ADDRESSEES, COMPLAINT_STATUSES } from '../../../domain/complaint';
import type { Api } from '../api';
import { h, type Child } from '../dom';
import { saveFile } from '../download';
import { clock } from '../format';
import { lang, t, type TextKey } from '../i18n';
import type { Complaint, Me } from '../types';
import { failure, type Notify } from './admin';
import type { DeskAction, DeskView } from './desk-screen';

type Month = 'm01' | 'm02' | 'm03' | 'm04' | 'm05' | 'm06' | 'm07' | 'm08' | 'm09' | 'm10' | 'm11' | 'm12';
/** A civil date as the style guide writes it, "1 декабря 2026 г." / "2026 жылғы 1 желтоқсан". */
const day = (date: string): string => t('visits.date_format', { day: Number(date.slice(8, 10)), month: t(`visits.months.m${date.slice(5, 7)}` as `visits.months.${Month}`), year: date.slice(0, 4) });
const statusWord = (status: Complaint['status']): string => t(`complaints.statuses.${status}`);
const categoryWord = (category: Complaint['category']): string => t(`complaints.categories.${category}`);
const serviceName = (complaint: Complaint): string => complaint.serviceTitle?.[lang()] ?? complaint.serviceId ?? '—';
/** The due date in words, "просрочена" said, not only coloured. */
const dueText = (complaint: Complaint): string => (complaint.overdue ? t('complaints.due_overdue', { date: day(complaint.due) }) : day(complaint.due));

const TYPES: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

/** "заявление.pdf — PDF, 117 КБ". */
function attachmentLine(file: Complaint['attachments'][number]): string {
  const size = file.size >= 1024 * 1024 ? t('complaints.size_mb', { n: (file.size / (1024 * 1024)).toFixed(1) }) : t('complaints.size_kb', { n: Math.max(1, Math.round(file.size / 1024)) });
  return `${file.name} — ${TYPES[file.type] ?? file.type}, ${size}`;
}

/** The attachments listed, each with a button that downloads it through the desk. */
function attachments(complaint: Complaint, api: Api, notify: Notify): Child {
  if (!complaint.attachments.length) return t('complaints.no_attachments');
  const open = async (file: Complaint['attachments'][number]) => {
    const result = await api.file(`/api/operator/complaints/${encodeURIComponent(complaint.id)}/attachments/${encodeURIComponent(file.id)}`);
    if (!result.ok) return notify(failure(result), 'error');
    saveFile(result.data.blob, file.name);
  };
  return h(
    'ul',
    { class: 'complaint-attachments' },
    complaint.attachments.map((file) =>
      h(
        'li',
        {},
        attachmentLine(file),
        ' ',
        h('button', { type: 'button', 'data-key': `attachment-${file.id}`, onclick: () => void open(file) }, t('complaints.open_attachment', { name: file.name })),
      ),
    ),
  );
}

function history(complaint: Complaint): HTMLElement {
  return h(
    'ol',
    { class: 'complaint-history' },
    complaint.history.map((entry) => {
      const parts = [t(`complaints.history_action.${entry.action}`), statusWord(entry.status)];
      if (entry.workingDays && entry.extendedTo) parts.push(t('complaints.history_extended', { days: entry.workingDays, date: day(entry.extendedTo) }));
      if (entry.reason) parts.push(entry.reason);
      const by = entry.by === 'citizen' ? t('complaints.by_citizen') : entry.by;
      return h('li', {}, `${clock(entry.at)} — ${parts.join(': ')} (${by})`);
    }),
  );
}

const supervising = (role: Me['role']) => role === 'supervisor' || role === 'admin';

/** The actions the complaint allows now; extending and closing one unanswered only for supervisors. */
function actions(role: Me['role']) {
  return (complaint: Complaint): DeskAction[] => {
    const list: DeskAction[] = [];
    const allowed = new Set(complaint.actions);
    if (allowed.has('accept')) list.push({ key: 'accept', label: 'complaints.accept', patch: () => ({ action: 'accept' }) });
    if (allowed.has('answer')) list.push({ key: 'answer', label: 'complaints.answer', requires: ['text'], patch: ({ text }) => ({ action: 'answer', text }) });
    if (allowed.has('forward')) list.push({ key: 'forward', label: 'complaints.forward', patch: ({ reason }) => ({ action: 'forward', ...(reason ? { reason } : {}) }) });
    if (allowed.has('extend') && supervising(role))
      list.push({
        key: 'extend',
        label: 'complaints.extend',
        requires: ['workingDays', 'reason'],
        patch: ({ workingDays, reason }) => ({ action: 'extend', workingDays: Number(workingDays), reason }),
      });
    if (allowed.has('close') && (complaint.status === 'answered' || supervising(role)))
      list.push({ key: 'close', label: 'complaints.close', requires: complaint.status === 'answered' ? [] : ['reason'], patch: ({ reason }) => ({ action: 'close', ...(reason ? { reason } : {}) }) });
    const [first] = list;
    if (first) first.primary = true;
    return list;
  };
}

/** Opens the browser's print of the detail panel (the print stylesheet leaves only it). */
function printButton(): Child {
  return h(
    'div',
    { class: 'desk-tools complaint-print' },
    h(
      'button',
      {
        type: 'button',
        'data-key': 'complaints-print',
        onclick: () => {
          document.body.classList.add('printing-complaint');
          const done = () => {
            document.body.classList.remove('printing-complaint');
            window.removeEventListener('afterprint', done);
          };
          window.addEventListener('afterprint', done);
          window.print();
        },
      },
      t('complaints.print'),
    ),
  );
}

/**
 * The contact centre's complaints on the desk screen: by status, addressee and overdue only (open
 * ones first by their due date, so the overdue lead); a complaint's addressee, whom it is against,
 * the text and what is asked, the complainant (IIN masked), attachments and history; the actions its
 * status allows, with the fields they need; the complaint printed from the browser.
 */
export function complaintsDesk(role: Me['role'], api: Api, notify: Notify): DeskView<Complaint> {
  return {
    name: 'complaints',
    path: '/api/operator/complaints',
    pageSize: 20,
    heading: 'complaints.heading',
    empty: 'complaints.empty',
    filters: [
      { name: 'status', label: 'complaints.status', any: 'complaints.any', options: COMPLAINT_STATUSES.map((s) => ({ value: s, label: `complaints.statuses.${s}` as TextKey })) },
      { name: 'overdue', label: 'complaints.term', any: 'complaints.any', options: [{ value: 'true', label: 'complaints.overdue_only' }] },
      { name: 'addressee', label: 'complaints.addressee', any: 'complaints.any', options: COMPLAINT_ADDRESSEES.map((a) => ({ value: a, label: `complaints.addressees.${a}` as TextKey })) },
    ],
    idOf: (complaint) => complaint.id,
    row: (complaint) => ({
      title: `${complaint.number} · ${serviceName(complaint)}`,
      badge: {
        text: complaint.overdue ? `${statusWord(complaint.status)} · ${t('complaints.overdue')}` : statusWord(complaint.status),
        kind: complaint.overdue ? 'complaint-overdue' : `complaint-${complaint.status}`,
      },
      meta: t('complaints.row_meta', { category: categoryWord(complaint.category), registered: day(complaint.registeredOn), due: dueText(complaint) }),
    }),
    title: (complaint) => `${complaint.number} · ${serviceName(complaint)}`,
    facts: (complaint) => {
      const facts: [string, Child][] = [
        [t('complaints.status'), statusWord(complaint.status)],
        [t('complaints.registered'), day(complaint.registeredOn)],
        [t('complaints.due'), complaint.extendedTo ? `${dueText(complaint)} ${t('complaints.extended_from', { date: day(complaint.dueDate) })}` : dueText(complaint)],
        [t('complaints.addressee'), complaint.addresseeName[lang()]],
        [t('complaints.against'), t(`complaints.against_values.${complaint.against}`)],
        [t('complaints.service'), serviceName(complaint)],
        [t('complaints.application'), complaint.applicationNumber ?? t('complaints.no_application')],
        [t('complaints.category'), categoryWord(complaint.category)],
      ];
      if (complaint.incidentDate) facts.push([t('complaints.incident'), day(complaint.incidentDate)]);
      facts.push(
        [t('complaints.text'), h('span', { class: 'complaint-text' }, complaint.text)],
        [t('complaints.asks'), h('span', { class: 'complaint-text' }, complaint.asks)],
        [t('complaints.complainant'), complaint.complainant.name],
        [t('complaints.iin'), complaint.complainant.iinMasked],
        [t('complaints.contact'), complaint.complainant.contact],
      );
      if (complaint.complainant.postalAddress) facts.push([t('complaints.postal_address'), complaint.complainant.postalAddress]);
      facts.push([t('complaints.attachments'), attachments(complaint, api, notify)]);
      if (complaint.answer) facts.push([t('complaints.answer_given'), h('span', { class: 'complaint-text' }, complaint.answer)]);
      facts.push([t('complaints.history'), history(complaint)]);
      return facts;
    },
    fields: [
      { name: 'text', label: 'complaints.text_field', maxLength: 10_000, multiline: true, shown: (complaint) => complaint.actions.includes('answer') },
      {
        name: 'workingDays',
        label: 'complaints.working_days_field',
        shown: (complaint) => complaint.actions.includes('extend') && supervising(role),
        options: () => Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })),
        initial: () => '10',
      },
      {
        name: 'reason',
        label: 'complaints.reason_field',
        maxLength: 1000,
        shown: (complaint) => complaint.actions.includes('forward') || (complaint.actions.includes('extend') && supervising(role)) || (complaint.actions.includes('close') && supervising(role)),
      },
    ],
    actions: actions(role),
    done: (complaint) => t('complaints.changed', { number: complaint.number, status: statusWord(complaint.status) }),
    refusals: {
      forbidden: 'complaints.refused.forbidden',
      not_allowed: 'complaints.refused.not_allowed',
      extended_once: 'complaints.refused.extended_once',
      no_extension: 'complaints.refused.no_extension',
      too_long: 'complaints.refused.too_long',
      reason_required: 'complaints.refused.reason_required',
      text_required: 'complaints.refused.text_required',
      conflict: 'complaints.refused.conflict',
    },
    detailTools: () => printButton(),
  };
}
