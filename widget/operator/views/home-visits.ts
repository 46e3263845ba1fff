import { addWorkingDays, todayInAlmaty } from '../../../domain/calendar';
import { bookableDays, canBecome, isPending, VISIT_STATUSES, VISIT_WINDOWS, type VisitAddress } from '../../../domain/home-visit';
import { formatKzPhone } from '../../../domain/phone';
import { REGIONS, regionById, type RegionId } from '../../../domain/regions';
import type { Api } from '../api';
import { saveFile } from '../download';
import { h, type Child } from '../dom';
import { clock } from '../format';
import { lang, t, type TextKey } from '../i18n';
import type { HomeVisit, WindowLoad } from '../types';
import { failure, field, screenHead, table, type Notify } from './admin';
import type { DeskAction, DeskView } from './desk-screen';
import { LoadedListScreen } from './list-screen';

type Visit = HomeVisit;

const regionName = (id: string): string => regionById(id)?.name[lang()] ?? id;
type Month = 'm01' | 'm02' | 'm03' | 'm04' | 'm05' | 'm06' | 'm07' | 'm08' | 'm09' | 'm10' | 'm11' | 'm12';
/** A civil date as the style guide writes it, "1 декабря 2026 г." / "2026 жылғы 1 желтоқсан" (browsers may lack Kazakh month names). */
const day = (date: string): string => t('visits.date_format', { day: Number(date.slice(8, 10)), month: t(`visits.months.m${date.slice(5, 7)}` as `visits.months.${Month}`), year: date.slice(0, 4) });
const when = (date: string, window: Visit['window']): string => `${day(date)}, ${t(`visits.window.${window}`).toLowerCase()}`;
const statusWord = (status: Visit['status']): string => t(`visits.statuses.${status}`);

/** The address on one line, region first: "Алматы, проспект Абая, дом 10, кв. 5, ориентир: …". */
export function addressLine(address: VisitAddress): string {
  return [
    regionName(address.region),
    address.settlement,
    address.street,
    t('visits.house_line', { house: address.house }),
    address.flat && t('visits.flat_line', { flat: address.flat }),
    address.access,
    address.landmark && t('visits.landmark_line', { landmark: address.landmark }),
  ]
    .filter(Boolean)
    .join(', ');
}

function needsText(visit: Visit): string {
  return visit.needs.length ? visit.needs.map((need) => t(`visits.need.${need}`)).join(', ') : t('visits.no_needs');
}

function phoneText(visit: Visit): string {
  const phone = formatKzPhone(visit.applicant.phone);
  return visit.phoneOf === 'representative' ? t('visits.phone_of_representative', { phone }) : phone;
}

function history(visit: Visit): HTMLElement {
  return h(
    'ol',
    { class: 'visit-history' },
    visit.history.map((entry, i) => {
      // The first entry is the booking; a later one with a day and window is a move.
      const what =
        entry.date && entry.window
          ? t(i === 0 ? 'visits.history_booked' : 'visits.history_moved', { status: statusWord(entry.status), date: day(entry.date), window: t(`visits.window.${entry.window}`).toLowerCase() })
          : entry.reason
            ? t('visits.history_reason', { status: statusWord(entry.status), reason: entry.reason })
            : statusWord(entry.status);
      const by = entry.by === 'citizen' ? t('visits.by_citizen') : entry.by;
      return h('li', {}, `${clock(entry.at)} — ${what} (${by})`);
    }),
  );
}

const status = (to: Visit['status']) => ({ status: to });

/** The moves of a visit from its status (domain/home-visit's rules), each a button. */
function actions(visit: Visit): DeskAction[] {
  const list: DeskAction[] = [];
  if (canBecome(visit.status, 'confirmed')) list.push({ key: 'confirm', label: 'visits.confirm', patch: () => status('confirmed') });
  if (canBecome(visit.status, 'assigned')) list.push({ key: 'assign', label: 'visits.assign', requires: ['employee'], patch: ({ employee }) => ({ ...status('assigned'), employee }) });
  else if (visit.status === 'assigned') list.push({ key: 'reassign', label: 'visits.reassign', requires: ['employee'], patch: ({ employee }) => ({ employee }) });
  if (canBecome(visit.status, 'done')) list.push({ key: 'done', label: 'visits.done', patch: () => status('done') });
  if (canBecome(visit.status, 'missed')) list.push({ key: 'missed', label: 'visits.missed', patch: ({ reason }) => ({ ...status('missed'), ...(reason ? { reason } : {}) }) });
  if (canBecome(visit.status, 'cancelled')) list.push({ key: 'cancel', label: 'visits.cancel', requires: ['reason'], patch: ({ reason }) => ({ ...status('cancelled'), reason }) });
  if (isPending(visit.status)) list.push({ key: 'move', label: 'visits.move', patch: ({ move_date, move_window }) => ({ date: move_date, window: move_window }) });
  const [first] = list;
  if (first) first.primary = true;
  return list;
}

/** The route-list downloads of the day and region listed; until both are chosen, the buttons say why they are off. */
function routeListTools(api: Api, notify: Notify, filters: Readonly<Record<string, string>>): Child {
  const { date, region } = filters;
  const ready = Boolean(date && region);
  const hintId = 'visits-route-hint';
  const download = async (format: 'csv' | 'pdf') => {
    if (!date || !region) return;
    const query = new URLSearchParams({ date, region, format, lang: lang() });
    const result = await api.file(`/api/operator/home-visits/route-list?${query}`);
    if (!result.ok) return notify(failure(result), 'error');
    saveFile(result.data.blob, result.data.name);
    notify(t('visits.route.downloaded', { file: result.data.name }));
  };
  const button = (format: 'csv' | 'pdf') =>
    h(
      'button',
      { type: 'button', 'data-key': `visits-route-${format}`, disabled: !ready, 'aria-describedby': ready ? undefined : hintId, onclick: () => void download(format) },
      t(`visits.route.${format}`),
    );
  return h(
    'div',
    { class: 'desk-tools', role: 'group', 'aria-label': t('visits.route.label') },
    button('csv'),
    button('pdf'),
    ready ? null : h('p', { id: hintId, class: 'hint' }, t('visits.route.pick')),
  );
}

/**
 * The contact centre's home visits on the desk screen: a day (the next working day first), a
 * region and a status to filter by; a visit's address, who booked it for whom, needs and history;
 * the moves its status allows, a move to another day or window; the day's route list to download.
 */
export function homeVisitsDesk(api: Api, notify: Notify): DeskView<Visit> {
  return {
    name: 'visits',
    path: '/api/operator/home-visits',
    pageSize: 20,
    heading: 'visits.heading',
    empty: 'visits.empty',
    filters: [
      { name: 'date', label: 'visits.date', any: 'visits.any_status', kind: 'date', options: [], initial: () => addWorkingDays(todayInAlmaty(), 1) },
      { name: 'region', label: 'visits.region', any: 'visits.any_region', options: REGIONS.map((r) => ({ value: r.id, label: () => r.name[lang()] })) },
      { name: 'status', label: 'visits.status', any: 'visits.any_status', options: VISIT_STATUSES.map((s) => ({ value: s, label: `visits.statuses.${s}` as TextKey })) },
    ],
    idOf: (visit) => visit.id,
    row: (visit) => ({
      title: `${visit.number} · ${visit.applicant.name}`,
      badge: { text: statusWord(visit.status), kind: `visit-${visit.status}` },
      meta: t('visits.row_meta', { when: when(visit.date, visit.window), region: regionName(visit.region), phone: formatKzPhone(visit.applicant.phone), needs: needsText(visit) }),
    }),
    title: (visit) => `${visit.number} · ${visit.applicant.name}`,
    facts: (visit) => {
      const facts: [string, Child][] = [
        [t('visits.status'), statusWord(visit.status)],
        [t('visits.when'), when(visit.date, visit.window)],
        [t('visits.address'), addressLine(visit.address)],
        [t('visits.for_whom'), visit.applicant.name],
        [t('visits.booked_by'), visit.actingFor?.name ?? t('visits.self')],
        [t('visits.phone'), h('a', { class: 'phone', href: `tel:${visit.applicant.phone}` }, phoneText(visit))],
        [t('visits.service'), visit.serviceTitle?.[lang()] ?? visit.serviceId],
        [t('visits.needs'), needsText(visit)],
      ];
      if (visit.needsNote) facts.push([t('visits.note'), visit.needsNote]);
      if (visit.employee) facts.push([t('visits.employee'), visit.employee]);
      if (visit.reason) facts.push([t('visits.reason'), visit.reason]);
      facts.push([t('visits.booked_in'), visit.conversationId ? t('visits.in_chat') : [t('visits.by_phone'), visit.history[0]?.by].filter((by) => by && by !== 'citizen').join(', ')]);
      facts.push([t('visits.history'), history(visit)]);
      return facts;
    },
    fields: [
      {
        name: 'employee',
        label: 'visits.employee_field',
        maxLength: 120,
        shown: (visit) => canBecome(visit.status, 'assigned') || visit.status === 'assigned',
        initial: (visit) => visit.employee ?? '',
      },
      { name: 'reason', label: 'visits.reason_field', maxLength: 500, shown: (visit) => isPending(visit.status) },
      {
        name: 'move_date',
        label: 'visits.move_date',
        shown: (visit) => isPending(visit.status),
        options: () => bookableDays(todayInAlmaty()).map((date) => ({ value: date, label: day(date) })),
        initial: (visit) => visit.date,
      },
      {
        name: 'move_window',
        label: 'visits.move_window',
        shown: (visit) => isPending(visit.status),
        options: () => VISIT_WINDOWS.map((window) => ({ value: window, label: t(`visits.window.${window}`) })),
        initial: (visit) => visit.window,
      },
    ],
    actions,
    done: (visit) => t('visits.changed', { number: visit.number, status: statusWord(visit.status), when: when(visit.date, visit.window) }),
    refusals: {
      slot_full: 'visits.refused.slot_full',
      not_allowed: 'visits.refused.not_allowed',
      not_bookable: 'visits.refused.not_bookable',
      employee_required: 'visits.refused.employee_required',
      no_change: 'visits.refused.no_change',
    },
    tools: (filters) => routeListTools(api, notify, filters),
  };
}

/**
 * The supervisors' load view: for a chosen region, the next ten working days by window, places
 * booked of places offered, as a table with a caption and row and column headers.
 */
export class VisitLoadView extends LoadedListScreen<WindowLoad> {
  private region: RegionId = 'almaty';
  private shown: RegionId = 'almaty';

  constructor(api: Api, notify: Notify) {
    super({ titleId: 'visit-load-title', testId: 'visit-load' }, api, notify);
    this.render();
  }

  protected fetch() {
    const region = this.region;
    return this.api.call<WindowLoad[]>('GET', `/api/operator/home-visits/load?region=${encodeURIComponent(region)}`).then((result) => {
      if (result.ok) this.shown = region;
      return result;
    });
  }

  protected head(): Child[] {
    const select = h(
      'select',
      { name: 'region', 'data-key': 'visit-load-region' },
      REGIONS.map((r) => h('option', { value: r.id, selected: r.id === this.region }, r.name[lang()])),
    );
    const form = h(
      'form',
      { class: 'desk-filters', 'aria-label': t('desk.filters') },
      field(t('visits.load.region'), select).element,
      h('button', { type: 'submit', 'data-key': 'visit-load-apply' }, t('visits.load.show')),
    );
    form.addEventListener('submit', (event: SubmitEvent) => {
      event.preventDefault();
      this.region = select.value as RegionId;
      void this.load();
    });
    return [screenHead('visit-load-title', t('visits.load.heading'), this.refreshButton('visit-load-refresh')), form];
  }

  protected body(items: WindowLoad[]): Child {
    const days = [...new Set(items.map((w) => w.date))];
    const cell = (date: string, window: WindowLoad['window']) => {
      const load = items.find((w) => w.date === date && w.window === window);
      if (!load) return h('td', {}, '—');
      const full = load.booked >= load.capacity;
      return h(
        'td',
        { class: full ? 'load-full' : undefined },
        t('visits.load.cell', { booked: load.booked, capacity: load.capacity }),
        full ? h('span', { class: 'load-note' }, ` · ${t('visits.load.full')}`) : null,
      );
    };
    const rows = days.map((date) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, day(date)),
        VISIT_WINDOWS.map((window) => cell(date, window)),
      ),
    );
    return table(t('visits.load.caption', { region: regionName(this.shown) }), [t('visits.load.day'), ...VISIT_WINDOWS.map((window) => t(`visits.window.${window}`))], rows, {
      testId: 'visit-load-table',
    });
  }
}
