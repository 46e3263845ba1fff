import type { Api } from '../api';
import { h, type Child } from '../dom';
import { t, type TextKey } from '../i18n';
import { failure, field, screenHead, type Notify } from './admin';
import { LoadedListScreen } from './list-screen';

/** A label of the console's texts, or words made when drawn (a region's name in the console's language). */
export type Label = TextKey | (() => string);

const say = (label: Label): string => (typeof label === 'function' ? label() : t(label));

/** A select of the filters form (or a date field, `kind: 'date'`); the empty value (`any`) lists all. */
export interface DeskFilter {
  /** The query parameter of the desk's list. */
  name: string;
  label: TextKey;
  any: TextKey;
  options: { value: string; label: Label }[];
  kind?: 'select' | 'date';
  /** The value the list is first fetched with; empty (all) unless told. */
  initial?(): string;
}

/** A field the detail panel offers with its actions: text (e.g. a note about the call) or a choice of `options`. */
export interface DeskField<T = never> {
  name: string;
  label: TextKey;
  maxLength?: number;
  /** A text area rather than one line (an answer's text). */
  multiline?: boolean;
  options?(item: T): { value: string; label: string }[];
  /** What it holds before the operator changes it. */
  initial?(item: T): string;
  /** Offered only for the records where this holds. */
  shown?(item: T): boolean;
}

/** A button of the detail panel: it PATCHes the record with `patch` of the fields' values. */
export interface DeskAction {
  key: string;
  label: TextKey;
  primary?: boolean;
  /** Fields that must not be empty for this action: the first empty one is marked and focused. */
  requires?: string[];
  patch(fields: Readonly<Record<string, string>>): Record<string, unknown>;
}

/** What a desk screen shows of one kind of record (api/routes/operator/desks), and what it can do with one. */
export interface DeskView<T> {
  /** Ids and test ids: `callbacks` gives the section `data-testid="callbacks"`. */
  name: string;
  /** The desk's API, e.g. `/api/operator/callbacks`. */
  path: string;
  pageSize: number;
  heading: TextKey;
  /** Shown when nothing matches the filters. */
  empty: TextKey;
  filters: DeskFilter[];
  idOf(item: T): string;
  /** A row of the list: what it is (a phone, a number), a status badge, one line more. */
  row(item: T): { title: string; badge: { text: string; kind: string }; meta: string };
  /** The detail panel: its heading and the facts. */
  title(item: T): string;
  facts(item: T): [label: string, value: Child][];
  fields: DeskField<T>[];
  /** What can be done to the record now; none when nothing is left to do. */
  actions(item: T): DeskAction[];
  /** The notice once an action is done, of the record as it is now. */
  done(item: T): string;
  /** Words for the API's refusal codes (e.g. `slot_full`). */
  refusals?: Record<string, TextKey>;
  /** What stands under the filters, made of the filters applied (e.g. downloads of what is listed). */
  tools?(filters: Readonly<Record<string, string>>): Child;
  /** What stands under the detail panel's heading (e.g. a print button). */
  detailTools?(item: T): Child;
}

/**
 * A desk: the filters form, a page of records (previous and next, with the total in a live region),
 * and the detail panel of the chosen record with its actions, each a PATCH after which the list is
 * fetched again. The list is a column of buttons (Tab, Enter); choosing one moves focus to its
 * details, and an action gives focus back to them.
 */
export class DeskScreen<T> extends LoadedListScreen<T> {
  private readonly filterValues: Record<string, string> = {};
  private offset = 0;
  private total = 0;
  private selected: T | undefined;
  private values: Record<string, string> = {};
  private busy = false;
  /** Kept across renders so that screen readers hear what the list now holds. */
  private readonly status = h('p', { class: 'desk-status', role: 'status', 'aria-live': 'polite' });

  constructor(
    private readonly view: DeskView<T>,
    api: Api,
    notify: Notify,
  ) {
    super({ titleId: `${view.name}-title`, testId: view.name, className: 'screen desk' }, api, notify);
    for (const filter of view.filters) if (filter.initial) this.filterValues[filter.name] = filter.initial();
    this.render();
  }

  protected fetch() {
    const query = new URLSearchParams({ ...Object.fromEntries(Object.entries(this.filterValues).filter(([, value]) => value)), offset: String(this.offset), limit: String(this.view.pageSize) });
    return this.api.call<T[]>('GET', `${this.view.path}?${query}`).then((result) => {
      if (result.ok) this.total = result.total ?? result.data.length;
      return result;
    });
  }

  protected override loaded(items: T[]): void {
    // A page left empty by changes elsewhere: the one before it.
    if (items.length === 0 && this.offset > 0) {
      this.offset = Math.max(0, this.offset - this.view.pageSize);
      void this.load();
      return;
    }
    const chosen = this.selected && items.find((item) => this.view.idOf(item) === this.view.idOf(this.selected!));
    if (chosen) {
      this.selected = chosen;
      this.render();
    }
  }

  protected head(): Child[] {
    // Set only when it changes (a new page, another language), so that it is read out once.
    const items = this.items ?? [];
    const status = this.items === undefined ? '' : items.length ? t('desk.shown', { from: this.offset + 1, to: this.offset + items.length, total: this.total }) : t(this.view.empty);
    if (this.status.textContent !== status) this.status.textContent = status;
    return [screenHead(`${this.view.name}-title`, t(this.view.heading), this.refreshButton(`${this.view.name}-refresh`)), this.filtersForm(), this.view.tools?.({ ...this.filterValues }), this.status];
  }

  protected body(items: T[]): Child {
    return h('div', { class: 'desk-body' }, this.list(items), this.detail());
  }

  private filtersForm(): HTMLFormElement {
    const selects = this.view.filters.map((filter) => {
      const key = `${this.view.name}-filter-${filter.name}`;
      const control =
        filter.kind === 'date'
          ? h('input', { type: 'date', name: filter.name, 'data-key': key, value: this.filterValues[filter.name] ?? '' })
          : h(
              'select',
              { name: filter.name, 'data-key': key },
              h('option', { value: '' }, t(filter.any)),
              filter.options.map((option) => h('option', { value: option.value, selected: this.filterValues[filter.name] === option.value }, say(option.label))),
            );
      return field(t(filter.label), control).element;
    });
    const form = h('form', { class: 'desk-filters', 'aria-label': t('desk.filters') }, selects, h('button', { type: 'submit', 'data-key': `${this.view.name}-apply` }, t('desk.apply')));
    form.addEventListener('submit', (event: SubmitEvent) => {
      event.preventDefault();
      for (const filter of this.view.filters) this.filterValues[filter.name] = (form.elements.namedItem(filter.name) as HTMLSelectElement | HTMLInputElement).value;
      this.offset = 0;
      void this.load();
    });
    return form;
  }

  private list(items: T[]): HTMLElement {
    const name = this.view.name;
    const chosen = this.selected ? this.view.idOf(this.selected) : undefined;
    const page = (offset: number) => () => {
      this.offset = offset;
      void this.load();
    };
    const previous = Math.max(0, this.offset - this.view.pageSize);
    const next = this.offset + this.view.pageSize;
    return h(
      'div',
      { class: 'desk-list' },
      items.length === 0
        ? h('p', { class: 'muted' }, t(this.view.empty))
        : h(
            'ul',
            { class: 'conversation-list', 'aria-label': t(this.view.heading) },
            items.map((item) => {
              const row = this.view.row(item);
              const id = this.view.idOf(item);
              return h(
                'li',
                {},
                h(
                  'button',
                  { type: 'button', class: 'row', 'data-key': `${name}-row-${id}`, 'data-id': id, 'aria-current': id === chosen ? 'true' : undefined, onclick: () => this.choose(item) },
                  h('span', { class: 'row-top' }, h('span', { class: `badge badge-${row.badge.kind}` }, row.badge.text), h('span', { class: 'row-topic' }, row.title)),
                  h('span', { class: 'row-meta' }, row.meta),
                ),
              );
            }),
          ),
      this.total > this.view.pageSize
        ? h(
            'nav',
            { class: 'pager', 'aria-label': t('desk.pages') },
            h('button', { type: 'button', 'data-key': `${name}-previous`, disabled: this.offset === 0, onclick: page(previous) }, t('desk.previous')),
            h('button', { type: 'button', 'data-key': `${name}-next`, disabled: next >= this.total, onclick: page(next) }, t('desk.next')),
          )
        : null,
    );
  }

  private detail(): HTMLElement {
    const item = this.selected;
    const headingId = `${this.view.name}-detail-title`;
    if (!item) return h('section', { class: 'desk-detail' }, h('p', { class: 'muted' }, t('desk.pick')));
    const actions = this.view.actions(item);
    const values = this.fieldValues(item);
    const fields = actions.length
      ? this.shownFields(item).map((spec) => {
          const key = `${this.view.name}-${spec.name}`;
          const value = values[spec.name] ?? '';
          const input = spec.options
            ? h(
                'select',
                { name: spec.name, 'data-key': key },
                spec.options(item).map((option) => h('option', { value: option.value, selected: option.value === value }, option.label)),
              )
            : spec.multiline
              ? h('textarea', { name: spec.name, maxlength: spec.maxLength, rows: 5, 'data-key': key }, value)
              : h('input', { type: 'text', name: spec.name, maxlength: spec.maxLength, autocomplete: 'off', 'data-key': key, value });
          input.addEventListener('input', () => (this.values[spec.name] = input.value));
          return field(t(spec.label), input).element;
        })
      : [];
    return h(
      'section',
      { class: 'desk-detail', 'aria-labelledby': headingId, 'data-testid': `${this.view.name}-detail` },
      h('h3', { id: headingId, class: 'desk-detail-title', tabindex: '-1', 'data-key': headingId }, this.view.title(item)),
      this.view.detailTools?.(item),
      h(
        'dl',
        { class: 'pairs' },
        this.view.facts(item).map(([label, value]) => h('div', {}, h('dt', {}, label), h('dd', {}, value))),
      ),
      actions.length
        ? h(
            'div',
            { class: 'desk-actions', role: 'group', 'aria-label': t('desk.actions') },
            fields,
            h(
              'div',
              { class: 'desk-buttons' },
              actions.map((action) =>
                h(
                  'button',
                  { type: 'button', class: action.primary ? 'primary' : undefined, 'data-key': `${this.view.name}-${action.key}`, disabled: this.busy, onclick: () => void this.act(item, action) },
                  t(action.label),
                ),
              ),
            ),
          )
        : null,
    );
  }

  private shownFields(item: T): DeskField<T>[] {
    return this.view.fields.filter((spec) => spec.shown?.(item) ?? true);
  }

  /** The values of the fields offered for a record: as typed, else as they start. */
  private fieldValues(item: T): Record<string, string> {
    return Object.fromEntries(this.shownFields(item).map((spec) => [spec.name, this.values[spec.name] ?? spec.initial?.(item) ?? '']));
  }

  private choose(item: T): void {
    if (!this.selected || this.view.idOf(this.selected) !== this.view.idOf(item)) this.values = {};
    this.selected = item;
    this.render();
    this.focusDetail();
  }

  /** An action needs a field filled: it is marked, says why (read out with it) and gets the cursor. */
  private require(name: string): void {
    const spec = this.view.fields.find((f) => f.name === name);
    const control = this.element.querySelector<HTMLInputElement>(`[data-key="${CSS.escape(`${this.view.name}-${name}`)}"]`);
    const text = t('desk.required', { field: spec ? t(spec.label) : name });
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      const error = control.getAttribute('aria-describedby')?.split(' ').at(-1);
      const place = error ? document.getElementById(error) : null;
      if (place) place.textContent = text;
      control.focus();
    } else {
      this.notify(text, 'error');
    }
  }

  private focusDetail(): void {
    this.element.querySelector<HTMLElement>('.desk-detail-title')?.focus();
  }

  private async act(item: T, action: DeskAction): Promise<void> {
    if (this.busy) return;
    const values = Object.fromEntries(Object.entries(this.fieldValues(item)).map(([name, value]) => [name, value.trim()]));
    const missing = action.requires?.find((name) => !values[name]);
    if (missing) return this.require(missing);
    this.busy = true;
    this.render();
    const result = await this.api.call<T>('PATCH', `${this.view.path}/${encodeURIComponent(this.view.idOf(item))}`, action.patch(values));
    this.busy = false;
    if (result.ok) {
      this.selected = result.data;
      this.values = {};
      this.notify(this.view.done(result.data));
    } else {
      this.notify(failure(result, this.view.refusals), 'error');
    }
    this.render();
    await this.load();
    this.focusDetail();
  }
}
