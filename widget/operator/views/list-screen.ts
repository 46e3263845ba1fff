import type { Api, ApiResult } from '../api';
import { h, replaceChildren, type Child } from '../dom';
import { t, type TextKey } from '../i18n';
import { failure, type Notify } from './admin';

export interface ListScreenOptions {
  /** The id of the screen's heading, which labels the section. */
  titleId: string;
  testId: string;
  /** The section's class; `screen` unless told. */
  className?: string;
  /** Shown until the first items arrive; `admin.loading` unless told. */
  loading?: TextKey;
  /** Shown when there are no items; without it an empty list goes to `body` like any other. */
  empty?: TextKey;
}

/**
 * A screen showing a list: its head (heading and buttons), then "loading…" until the items come,
 * the empty text when there are none, or what `body` makes of them.
 */
export abstract class ListScreen<T> {
  readonly element: HTMLElement;
  protected items: T[] | undefined;

  constructor(private readonly options: ListScreenOptions) {
    this.element = h('section', { class: options.className ?? 'screen', 'aria-labelledby': options.titleId, 'data-testid': options.testId });
  }

  focusHeading(): void {
    this.element.querySelector<HTMLElement>('h2')?.focus();
  }

  render(): void {
    const items = this.items;
    const { loading = 'admin.loading', empty } = this.options;
    replaceChildren(this.element, this.head(), items === undefined ? h('p', { class: 'muted' }, t(loading)) : items.length === 0 && empty ? h('p', { class: 'muted' }, t(empty)) : this.body(items));
  }

  /** The heading with its buttons, and whatever stands above the list. */
  protected abstract head(): Child | Child[];

  /** The items (never shown before they have come). */
  protected abstract body(items: T[]): Child | Child[];
}

/** A list screen that fetches its items itself; a failure is told in the notices and the list stays. */
export abstract class LoadedListScreen<T> extends ListScreen<T> {
  constructor(
    options: ListScreenOptions,
    protected readonly api: Api,
    protected readonly notify: Notify,
  ) {
    super(options);
  }

  /** How many fetches have started: only the latest one's answer is shown. */
  private fetches = 0;
  /** Fetches not answered yet: the screen is `aria-busy` while there are any. */
  private unanswered = 0;

  /**
   * Fetches the items and shows them. Fetches overlap (a filter applied while an event asks for the
   * list again); one answered after a later one started is dropped, since it may hold a record as it
   * was before a change the screen already shows.
   */
  async load(): Promise<void> {
    const fetch = ++this.fetches;
    this.element.setAttribute('aria-busy', String(++this.unanswered > 0));
    const result = await this.fetch();
    this.element.setAttribute('aria-busy', String(--this.unanswered > 0));
    if (fetch !== this.fetches) return;
    if (!result.ok) return this.notify(failure(result), 'error');
    this.items = this.arrange(result.data);
    this.render();
    this.loaded(result.data);
  }

  protected abstract fetch(): Promise<ApiResult<T[]>>;

  /** The items in the order they are shown. */
  protected arrange(items: T[]): T[] {
    return items;
  }

  /** Runs after the fetched items are shown. */
  protected loaded(_items: T[]): void {}

  /** The head's button that fetches the items again. */
  protected refreshButton(key: string): HTMLButtonElement {
    return h('button', { type: 'button', class: 'quiet', 'data-key': key, onclick: () => void this.load() }, t('admin.refresh'));
  }
}
