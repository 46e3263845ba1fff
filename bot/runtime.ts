import type { Logger } from 'pino';
import type { OpeningHours } from '../domain/hours';
import { createFlows } from '../flows';
import { CALLBACK_EFFECT } from '../flows/operator';
import { RATING_EFFECT } from '../flows/rating';
import type { Texts } from '../locales/i18n';
import type { Lang, Store } from '../store/types';
import { Callbacks } from './callbacks';
import { WebSocketHub } from './channels/web';
import { Delivery } from './delivery';
import { Engine } from './engine';
import { FormFiles } from './forms';
import { Handoff } from './handoff';
import { Notifier } from './notify';
import { Presence } from './presence';
import { Ratings } from './ratings';

export interface RuntimeOptions {
  store: Store;
  texts: Texts;
  log: Logger;
  defaultLang: Lang;
  hours: OpeningHours;
  idleMs: number;
  /** Signs form links; the same on every instance. */
  secret: string;
  /** The public base URL (PUBLIC_URL) that links are absolute under; unset, links are relative. */
  publicUrl?: string;
  /** Whether the Telegram channel is on. */
  telegram: boolean;
  now?: () => Date;
}

/**
 * The conversation runtime as every instance runs it: the engine with the flows and their effects,
 * the hand-over that observes it, delivery to citizens outside their turns, and presence. The
 * channels and the HTTP app are built on top of it.
 */
export function createRuntime({ store, texts, log, defaultLang, hours, idleMs, secret, publicUrl, telegram, now }: RuntimeOptions) {
  const hub = new WebSocketHub();
  const forms = new FormFiles(store.conversations, secret, publicUrl);
  const presence = new Presence(store);
  const delivery = new Delivery({ bus: store.bus, outbox: store.outbox, hub, forms, log, telegram });
  const handoff = new Handoff({ store, texts, log, hours, idleMs, operatorsOnline: () => presence.operatorsOnline(), ...(now ? { now } : {}) });
  const callbacks = new Callbacks(store);
  const ratings = new Ratings(store);
  const engine = new Engine({
    store,
    texts,
    flows: createFlows(),
    defaultLang,
    ...(now ? { now } : {}),
    log,
    observer: handoff,
    availability: () => handoff.availability(),
    effects: { [CALLBACK_EFFECT]: callbacks.effect, [RATING_EFFECT]: ratings.effect },
  });
  const notifier = new Notifier(engine, delivery, texts, log);
  handoff.bind(engine, notifier);
  return {
    engine,
    handoff,
    notifier,
    delivery,
    presence,
    callbacks,
    ratings,
    hub,
    forms,
    /** Starts counting who is online and handing frames from other instances to this one's sockets. */
    start: () => Promise.all([presence.start(), delivery.start()]).then(() => undefined),
    async stop() {
      handoff.stop();
      await presence.stop();
      await delivery.stop();
    },
  };
}

export type Runtime = ReturnType<typeof createRuntime>;
