import { h, replaceChildren, uid } from '../dom';
import { t } from '../i18n';
import type { Me, PresenceStatus } from '../types';
import { langSwitch } from './lang-switch';

export type Section = 'conversations' | 'callbacks' | 'visits' | 'complaints' | 'visit_load' | 'canned' | 'ratings' | 'audit' | 'accounts';

/** The screens each role is offered besides conversations, call-backs, home visits and complaints. */
export function sectionsFor(role: Me['role']): Section[] {
  const supervisor: Section[] = role === 'supervisor' || role === 'admin' ? ['visit_load', 'canned', 'ratings', 'audit'] : [];
  return ['conversations', 'callbacks', 'visits', 'complaints', ...supervisor, ...(role === 'admin' ? (['accounts'] as const) : [])];
}

const STATUSES: readonly PresenceStatus[] = ['online', 'away', 'offline'];

export interface HeaderActions {
  onPresence: (status: PresenceStatus) => void;
  onSection: (section: Section) => void;
  onLogout: () => void;
}

/** The top bar: who is logged in, the section switch, presence, interface language and logging out. */
export class HeaderView {
  readonly element = h('header', { class: 'topbar' });
  private status: PresenceStatus;
  private section: Section = 'conversations';
  private pendingCallbacks = 0;
  private centre: { open: boolean; hours: string } | undefined;

  constructor(
    private readonly me: Me,
    private readonly actions: HeaderActions,
  ) {
    this.status = me.status;
    this.render();
  }

  setPresence(status: PresenceStatus): void {
    this.status = status;
    this.render();
  }

  setSection(section: Section): void {
    this.section = section;
    this.render();
  }

  /** The contact centre closed: a banner says so, with the hours, until it opens. */
  setCentre(centre: { open: boolean; hours: string }): void {
    if (centre.open === this.centre?.open && centre.hours === this.centre.hours) return;
    this.centre = centre;
    this.render();
  }

  setPendingCallbacks(count: number): void {
    if (count === this.pendingCallbacks) return;
    this.pendingCallbacks = count;
    this.render();
  }

  render(): void {
    const presenceId = uid('presence');
    const presence = h(
      'select',
      {
        id: presenceId,
        'data-key': 'presence',
        class: `presence presence-${this.status}`,
        onchange: (event: Event) => this.actions.onPresence((event.target as HTMLSelectElement).value as PresenceStatus),
      },
      STATUSES.map((status) => h('option', { value: status, selected: status === this.status }, t(`presence.${status}`))),
    );
    const tab = (section: Section, label: string, badge?: number) =>
      h(
        'button',
        { type: 'button', class: 'nav-tab', 'data-key': `nav-${section}`, 'aria-current': section === this.section ? 'page' : undefined, onclick: () => this.actions.onSection(section) },
        label,
        badge ? h('span', { class: 'count' }, String(badge)) : null,
      );
    replaceChildren(
      this.element,
      h('a', { class: 'skip-link', href: '#conversation', 'data-key': 'skip' }, t('skip')),
      h(
        'div',
        { class: 'brand-block' },
        h('span', { class: 'brand', 'aria-hidden': 'true' }, '1414'),
        h('h1', { class: 'sr-only' }, t('title')),
        h('span', { class: 'who' }, t('header.who', { name: this.me.name, role: t(`roles.${this.me.role}`) })),
      ),
      h(
        'nav',
        { class: 'sections', 'aria-label': t('nav.label') },
        sectionsFor(this.me.role).map((section) => tab(section, t(`nav.${section}`), section === 'callbacks' ? this.pendingCallbacks : undefined)),
      ),
      h(
        'div',
        { class: 'topbar-tools' },
        h('span', { class: 'presence-field' }, h('span', { class: `dot dot-${this.status}`, 'aria-hidden': 'true' }), h('label', { for: presenceId }, t('presence.label')), presence),
        langSwitch(),
        h('button', { type: 'button', class: 'quiet', 'data-key': 'logout', onclick: () => this.actions.onLogout() }, t('header.logout')),
      ),
      this.centre && !this.centre.open ? h('p', { class: 'centre-closed', role: 'status', 'data-testid': 'centre-closed' }, t('header.centre_closed', { hours: this.centre.hours })) : null,
    );
  }
}
