import type { Api, ApiResult, Move } from './api';
import { h } from './dom';
import { EventStream, type StreamEvent } from './events';
import { lang, t, type TextKey } from './i18n';
import { Notices } from './notices';
import type { Callback, CannedAnswer, Me, OperatorEvent, PresenceStatus, TranscriptEntry } from './types';
import { callbacksDesk } from './views/callbacks';
import { complaintsDesk } from './views/complaints';
import { ConversationListView } from './views/conversation-list';
import { ConversationPane } from './views/conversation-pane';
import { DeskScreen } from './views/desk-screen';
import { closeDialog, transferDialog } from './views/dialogs';
import { FindConversationView } from './views/find-conversation';
import { AccountsView } from './views/accounts';
import { AuditView } from './views/audit';
import { CannedAdminView } from './views/canned-admin';
import { HeaderView, sectionsFor, type Section } from './views/header';
import { homeVisitsDesk, VisitLoadView } from './views/home-visits';
import { RatingsView } from './views/ratings';

/** Ownership moves: the lists change. */
/** How old the canned answers may be when the picker opens before they are fetched again. */
const CANNED_MAX_AGE_MS = 60_000;
const CENTRE_CHECK_MS = 60_000;
const MOVES = new Set(['queued', 'takeover', 'transferred', 'released', 'cancelled', 'closed']);
/** What the API's refusals mean to the operator. */
const REFUSALS: Record<string, TextKey> = {
  conflict: 'notices.conflict',
  not_yours: 'notices.not_yours',
  not_found: 'notices.not_found',
  unknown_operator: 'notices.unknown_operator',
  network: 'notices.network',
};

function debounce(run: () => void, ms: number): { (): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const call = () => {
    clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  call.cancel = () => clearTimeout(timer);
  return call;
}

/**
 * The logged-in console: header, notices, the queue and mine lists, the open conversation and the
 * call-back list, kept current from the event stream (ownership moves re-list, debounced; messages
 * of the open conversation are appended; a reconnect re-lists everything).
 */
export class ConsoleApp {
  readonly element: HTMLElement;
  private readonly header: HeaderView;
  private readonly notices = new Notices();
  private readonly queue: ConversationListView;
  private readonly mine: ConversationListView;
  private readonly pane: ConversationPane;
  private readonly finder: FindConversationView;
  private readonly callbacks: DeskScreen<Callback>;
  private readonly lists: HTMLElement;
  private readonly conversationsView: HTMLElement;
  private readonly stream: EventStream;
  private readonly drafts = new Map<string, string>();
  private readonly unread = new Set<string>();
  private canned: CannedAnswer[] = [];
  private cannedAt = 0;
  private cannedLoading: Promise<void> | undefined;
  /** The supervisors' and admins' screens this account is offered (none for operators). */
  private readonly screens: Partial<Record<Section, { element: HTMLElement; load(): Promise<void>; render(): void; focusHeading(): void }>> = {};
  private section: Section = 'conversations';
  private queueIds: Set<string> | undefined;
  private queueTotal = 0;
  private selected: string | null = null;
  private pendingMessages: TranscriptEntry[] = [];
  private listSeq = 0;
  private detailSeq = 0;
  private streamLost = false;
  private destroyed = false;
  private readonly tick: ReturnType<typeof setInterval>;
  private centreTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly scheduleLists = debounce(() => void this.loadLists(), 250);
  private readonly scheduleDetail = debounce(() => void (this.selected && this.loadDetail(this.selected)), 250);
  private readonly scheduleCallbacks = debounce(() => void this.loadCallbacks(), 500);

  constructor(
    private readonly api: Api,
    private readonly me: Me,
    private readonly onLogout: (notice?: string) => void,
  ) {
    this.header = new HeaderView(me, { onPresence: (s) => void this.setPresence(s), onSection: (s) => this.showSection(s), onLogout: () => void this.logout() });
    this.queue = new ConversationListView('queue', (id) => void this.open(id));
    this.mine = new ConversationListView('mine', (id) => void this.open(id));
    this.pane = new ConversationPane(
      me,
      {
        onTakeover: (id) => void this.takeover(id),
        onRelease: (id) => void this.move(id, 'release', 'notices.released'),
        onTransfer: (id) => void this.transfer(id),
        onClose: (id) => closeDialog((reason) => this.move(id, 'close', 'close.done', reason ? { reason } : {})),
        onSend: (id, text) => this.send(id, text),
        onNote: (id, text) => this.addNote(id, text),
        onTyping: (id) => void this.api.typing(id),
      },
      () => this.canned,
      this.drafts,
      () => this.pickerOpened(),
    );
    this.finder = new FindConversationView((id) => this.find(id));
    this.lists = h('div', { class: 'lists' }, this.finder.element, this.queue.element, this.mine.element);
    this.conversationsView = h('div', { class: 'conversations-view' }, this.lists, this.pane.element);
    const notify = (text: string, kind: 'info' | 'error' = 'info') => this.notices.show(text, kind, { key: kind === 'error' ? 'refusal' : 'admin' });
    const openConversation = (id: string) => {
      this.showSection('conversations', false);
      void this.open(id);
    };
    this.callbacks = this.screens.callbacks = new DeskScreen(callbacksDesk(openConversation), api, notify);
    this.screens.visits = new DeskScreen(homeVisitsDesk(api, notify), api, notify);
    this.screens.complaints = new DeskScreen(complaintsDesk(me.role, api, notify), api, notify);
    const offered = sectionsFor(me.role);
    if (offered.includes('visit_load')) this.screens.visit_load = new VisitLoadView(api, notify);
    if (offered.includes('canned')) this.screens.canned = new CannedAdminView(api, notify, (items) => this.setCanned(items));
    if (offered.includes('ratings')) this.screens.ratings = new RatingsView(api, notify, openConversation);
    if (offered.includes('audit')) this.screens.audit = new AuditView(api, notify, openConversation);
    if (offered.includes('accounts')) this.screens.accounts = new AccountsView(api, me, notify);
    const screens = Object.values(this.screens).map((screen) => screen.element);
    for (const element of screens) element.hidden = true;
    this.element = h('div', { class: 'console' }, this.header.element, h('main', { class: 'workspace' }, this.conversationsView, screens), this.notices.element);
    this.stream = new EventStream({
      url: '/api/operator/events',
      token: () => this.api.token,
      onEvent: (event) => this.onEvent(event),
      onState: (state) => this.onStreamState(state),
      onUnauthorized: () => this.expire(),
    });
    this.api.onUnauthorized = () => this.expire();
    this.tick = setInterval(() => this.queue.render(), 30_000);
  }

  start(): void {
    this.stream.start();
    void this.loadLists();
    void this.loadCallbacks();
    void this.loadCanned();
    void this.loadCentre();
  }

  destroy(): void {
    this.destroyed = true;
    this.stream.stop();
    clearInterval(this.tick);
    clearTimeout(this.centreTimer);
    this.scheduleLists.cancel();
    this.scheduleDetail.cancel();
    this.scheduleCallbacks.cancel();
    this.api.onUnauthorized = undefined;
    document.title = t('title');
  }

  /** The interface language changed: every view again, and the summaries in the new language. */
  relabel(): void {
    this.header.render();
    clearTimeout(this.centreTimer);
    void this.loadCentre();
    this.notices.relabel();
    if (this.streamLost) this.notices.show(t('stream.lost'), 'error', { key: 'stream', sticky: true });
    this.finder.render();
    this.queue.render();
    this.mine.render();
    this.pane.relabel();
    for (const screen of Object.values(this.screens)) screen.render();
    this.updateTitle();
    void this.loadLists();
    if (this.selected) void this.loadDetail(this.selected);
  }

  private expire(): void {
    if (this.destroyed) return;
    this.destroy();
    this.api.setToken(null);
    this.onLogout(t('login.expired'));
  }

  private async logout(): Promise<void> {
    await Promise.race([this.api.logout(), new Promise((resolve) => setTimeout(resolve, 2000))]);
    this.destroy();
    this.api.setToken(null);
    this.onLogout();
  }

  private showSection(section: Section, focus = true): void {
    const changed = section !== this.section;
    this.section = section;
    this.header.setSection(section);
    this.conversationsView.hidden = section !== 'conversations';
    for (const [name, screen] of Object.entries(this.screens)) screen.element.hidden = name !== section;
    if (section === 'callbacks') void this.countCallbacks();
    const screen = this.screens[section];
    if (screen) {
      void screen.load();
      if (focus && changed) screen.focusHeading();
    }
  }

  private updateTitle(): void {
    const waiting = this.queueTotal;
    document.title = waiting ? `(${waiting}) ${t('title')}` : t('title');
  }

  private refusal(result: ApiResult<unknown>): void {
    if (result.ok) return;
    const key = REFUSALS[result.code] ?? REFUSALS[result.status === 409 ? 'conflict' : ''];
    this.notices.show(key ? t(key) : t('notices.failed', { message: result.message }), 'error', { key: 'refusal' });
  }

  // Lists and the open conversation

  private async loadLists(): Promise<void> {
    const seq = ++this.listSeq;
    const [queue, mine] = await Promise.all([this.api.conversations('queue', lang()), this.api.conversations('me', lang())]);
    if (seq !== this.listSeq || this.destroyed) return;
    if (queue.ok) {
      const ids = new Set(queue.data.map((c) => c.id));
      if (this.queueIds && [...ids].some((id) => !this.queueIds!.has(id))) this.notices.show(t('lists.new_in_queue'), 'info', { key: 'queued' });
      this.queueIds = ids;
      this.queueTotal = queue.total ?? queue.data.length;
      this.queue.update({ items: queue.data, ...(queue.total !== undefined ? { total: queue.total } : {}) });
    }
    if (mine.ok) {
      for (const id of this.unread) if (!mine.data.some((c) => c.id === id)) this.unread.delete(id);
      this.mine.update({ items: mine.data, unread: this.unread, ...(mine.total !== undefined ? { total: mine.total } : {}) });
    }
    if (!queue.ok && queue.status !== 401) this.refusal(queue);
    else if (!mine.ok && mine.status !== 401) this.refusal(mine);
    this.updateTitle();
  }

  private async open(id: string): Promise<void> {
    const focusPane = () => !document.activeElement || document.activeElement === document.body || this.lists.contains(document.activeElement);
    this.selected = id;
    this.pendingMessages = [];
    this.unread.delete(id);
    this.queue.update({ selected: id });
    this.mine.update({ selected: id, unread: this.unread });
    this.pane.loading(id);
    if ((await this.loadDetail(id)) && focusPane()) this.pane.focusHeading();
  }

  /**
   * Any conversation by its number, also one still with the bot (which the operator may take over):
   * opened when the API knows it, a notice in the interface language when not (the open one stays).
   */
  private async find(id: string): Promise<boolean> {
    const result = await this.api.conversation(id, lang());
    if (this.destroyed) return false;
    if (!result.ok) {
      // 400: no id of that shape can exist, so it is not found either.
      if (result.status === 404 || result.status === 400) this.notices.show(t('find.not_found', { id }), 'error', { key: 'refusal' });
      else if (result.status !== 401) this.refusal(result);
      return false;
    }
    this.notices.clear('refusal');
    // Found by its number too: the conversation is opened by its id.
    await this.open(result.data.id);
    return true;
  }

  private async loadDetail(id: string): Promise<boolean> {
    const seq = ++this.detailSeq;
    const result = await this.api.conversation(id, lang());
    if (seq !== this.detailSeq || this.selected !== id || this.destroyed) return false;
    if (result.ok) {
      this.pane.show(result.data);
      for (const entry of this.pendingMessages.splice(0)) this.pane.append(entry);
      return true;
    }
    this.refusal(result);
    if (result.status === 404) {
      this.selected = null;
      this.pane.clear();
      this.queue.update({ selected: null });
      this.mine.update({ selected: null });
    }
    return false;
  }

  // Moves

  private async move(id: string, move: Move, done: TextKey, body: Record<string, string> = {}): Promise<boolean> {
    const result = await this.api.move(id, move, lang(), body);
    if (result.ok) this.notices.show(t(done), 'info', { key: 'move' });
    else this.refusal(result);
    this.scheduleLists();
    if (this.selected === id) await this.loadDetail(id);
    return result.ok;
  }

  private async takeover(id: string): Promise<void> {
    if (await this.move(id, 'takeover', 'notices.taken')) {
      this.pane.focusReply();
      void this.loadCanned();
    }
  }

  private async transfer(id: string): Promise<void> {
    const colleagues = await this.api.colleagues();
    transferDialog(colleagues.ok ? colleagues.data : [], this.me.login, (to, note) => this.move(id, 'transfer', 'transfer.done', { to, ...(note ? { note } : {}) }));
  }

  private async send(id: string, text: string): Promise<boolean> {
    const result = await this.api.send(id, text, lang());
    if (!result.ok) {
      this.refusal(result);
      if (this.selected === id) void this.loadDetail(id);
      return false;
    }
    // Without the stream the message would not come back by itself.
    if (!this.stream.connected && this.selected === id) void this.loadDetail(id);
    return true;
  }

  private async addNote(id: string, text: string): Promise<boolean> {
    const result = await this.api.addNote(id, text);
    if (!result.ok) {
      this.refusal(result);
      return false;
    }
    if (this.pane.openId === id) this.pane.addNote(result.data);
    this.notices.show(t('notes.added'), 'info', { key: 'note' });
    return true;
  }

  private async setPresence(status: PresenceStatus): Promise<void> {
    const result = await this.api.setPresence(status);
    if (result.ok) {
      this.header.setPresence(status);
      this.notices.show(t('presence.changed', { status: t(`presence.${status}`) }), 'info', { key: 'presence' });
    } else {
      this.refusal(result);
      const me = await this.api.me();
      if (me.ok) this.header.setPresence(me.data.status);
    }
  }

  private loadCanned(): Promise<void> {
    this.cannedLoading ??= this.api.canned().then((result) => {
      this.cannedLoading = undefined;
      if (result.ok && !this.destroyed) this.setCanned(result.data);
    });
    return this.cannedLoading;
  }

  /** Fresh canned answers (fetched, or saved on the canned-answers screen): an open picker shows them at once. */
  private setCanned(items: CannedAnswer[]): void {
    this.canned = items;
    this.cannedAt = Date.now();
    this.pane.cannedChanged();
  }

  /** The picker opened: answers older than a minute are fetched again (others may have changed them). */
  private pickerOpened(): void {
    if (Date.now() - this.cannedAt > CANNED_MAX_AGE_MS) void this.loadCanned();
  }

  // Call-backs

  /** The call-back desk again when it is shown, and the header's count of those waiting in any case. */
  private async loadCallbacks(): Promise<void> {
    await Promise.all([this.countCallbacks(), this.callbacks.element.hidden ? undefined : this.callbacks.load()]);
  }

  /** Whether the contact centre is open, for the header's banner; asked again every minute, since it closes while the console is open. */
  private async loadCentre(): Promise<void> {
    const centre = await this.api.centre(lang());
    if (this.destroyed) return;
    if (centre.ok) this.header.setCentre(centre.data);
    this.centreTimer = setTimeout(() => void this.loadCentre(), CENTRE_CHECK_MS);
  }

  private async countCallbacks(): Promise<void> {
    const pending = await this.api.pendingCallbacks();
    if (!this.destroyed && pending.ok) this.header.setPendingCallbacks(pending.total ?? pending.data.length);
  }

  // The event stream

  private onEvent({ data }: StreamEvent): void {
    const event = data as OperatorEvent;
    if (MOVES.has(event.type) && 'conversationId' in event) {
      this.scheduleLists();
      if (event.conversationId === this.selected) this.scheduleDetail();
    } else if (event.type === 'message') {
      const entry = { from: event.from, text: event.text, at: event.at, ...(event.author ? { author: event.author } : {}) };
      if (event.conversationId === this.selected) {
        if (this.pane.openId === event.conversationId) this.pane.append(entry);
        else this.pendingMessages.push(entry);
      } else if (event.from === 'citizen' && event.owner === `operator:${this.me.login}`) {
        this.unread.add(event.conversationId);
        this.mine.update({ unread: this.unread });
      }
    } else if (event.type === 'presence') {
      if (event.login === this.me.login && (event.status === 'online' || event.status === 'away' || event.status === 'offline')) this.header.setPresence(event.status);
    } else if (event.type === 'callback') {
      this.scheduleCallbacks();
    }
  }

  private onStreamState(state: 'open' | 'lost'): void {
    if (this.destroyed) return;
    if (state === 'lost') {
      this.streamLost = true;
      this.notices.show(t('stream.lost'), 'error', { key: 'stream', sticky: true });
      return;
    }
    if (!this.streamLost) return;
    this.streamLost = false;
    this.notices.show(t('stream.back'), 'info', { key: 'stream' });
    // Whatever happened while the stream was down: list again.
    void this.loadLists();
    void this.loadCallbacks();
    if (this.selected) void this.loadDetail(this.selected);
  }
}
