import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { VisitCapacity } from '../domain/home-visit-capacity';
import type { OpeningHours } from '../domain/hours';
import { createFlows } from '../flows';
import { COMPLAINT_DOCUMENT_PREFIX } from '../flows/complaint';
import { describeCollected, type DescribeCollected } from '../flows/describe';
import { CALLBACK_EFFECT } from '../flows/operator';
import { RATING_EFFECT } from '../flows/rating';
import { ERASE_EFFECT } from '../flows/erase';
import { MENU_FLOW_ID } from '../flows/menu';
import type { Texts } from '../locales/i18n';
import type { Lang, Records, Store } from '../store/types';
import { APPLICATION_OVERDUE_JOB, Applications, overdueJobHandler } from './applications';
import { Callbacks } from './callbacks';
import { WebSocketHub } from './channels/web';
import { ConversationNumbers } from './conversation-numbers';
import { Delivery } from './delivery';
import { Engine } from './engine';
import { FormFiles } from './forms';
import { Handoff } from './handoff';
import { complaintDocument, complaintEffects } from './complaint-chat';
import { Complaints } from './complaints';
import { HomeVisits, homeVisitEffects } from './home-visits';
import { queueSweepJob, QUEUE_SWEEP_JOB, scheduleQueueSweep } from './handoff/sweeps';
import { Notifier, NOTIFY_JOB, type NotifyText, notifyJobHandler, renderNotifyText } from './notify';
import { DEFAULT_RETENTION, Retention, RETENTION_JOB, type RetentionPolicy, retentionJob, scheduleRetention } from './retention';
import { Scheduler } from './scheduler';
import { statusEffects } from './status';
import { createStatusSource } from './status-source';
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
  /** How long a form's download link stays valid (LINK_TTL_HOURS); 24 hours unless given. */
  linkTtlMs?: number;
  /** How long transcripts, drafts and records are kept (RETENTION_*_DAYS); the defaults unless given. */
  retention?: RetentionPolicy;
  /** Home visits per region and window (HOME_VISIT_CAPACITY); 4 everywhere unless given. */
  homeVisitCapacity?: VisitCapacity;
  /** An external status service asked after the registry (STATUS_SERVICE_URL, STATUS_SERVICE_TOKEN). */
  statusService?: { url?: string | undefined; token?: string | undefined };
  /** Whether the Telegram channel is on. */
  telegram: boolean;
  now?: () => Date;
}

/**
 * The conversation runtime as every instance runs it: the engine with the flows and their effects,
 * the hand-over that observes it, delivery to citizens outside their turns, and presence. The
 * channels and the HTTP app are built on top of it.
 */
export function createRuntime({
  store,
  texts,
  log,
  defaultLang,
  hours,
  idleMs,
  secret,
  publicUrl,
  linkTtlMs,
  retention: policy = DEFAULT_RETENTION,
  homeVisitCapacity = { default: 4, byRegion: {} },
  statusService = {},
  telegram,
  now,
}: RuntimeOptions) {
  const hub = new WebSocketHub();
  const forms = new FormFiles(store.conversations, secret, publicUrl, { ...(linkTtlMs ? { ttlMs: linkTtlMs } : {}), ...(now ? { now } : {}) });
  const presence = new Presence(store);
  const delivery = new Delivery({ bus: store.bus, outbox: store.outbox, liveOutbox: store.liveOutbox, hub, forms, log, telegram });
  const handoff = new Handoff({ store, texts, log, hours, idleMs, operatorsOnline: () => presence.operatorsOnline(), ...(now ? { now } : {}) });
  const callbacks = new Callbacks(store);
  const ratings = new Ratings(store);
  // Visits, complaints and applications tell citizens through the notifier, which needs the engine,
  // which runs their effects: the notifier is bound by name.
  const tell = (conversationId: string, text: NotifyText, key: string): Promise<unknown> => notifier.tell(conversationId, renderNotifyText(text), key);
  const homeVisits = new HomeVisits(store, homeVisitCapacity, tell, now);
  const complaints = new Complaints(store, tell, now);
  const applications = new Applications(store, tell, now);
  forms.serve(COMPLAINT_DOCUMENT_PREFIX, complaintDocument(complaints));
  const statusSource = createStatusSource({ applications, log, ...statusService });
  const flows = createFlows();
  const clock = now ?? (() => new Date());
  const retention = new Retention({
    store,
    applications,
    records: [homeVisits.records, complaints.records] as Records<unknown>[],
    complaints: complaints.records,
    policy,
    menuRoot: () => ({ flow: MENU_FLOW_ID, v: flows.find((flow) => flow.id === MENU_FLOW_ID)!.version, step: 'root', data: {} }),
    log,
    now: clock,
  });
  const engine = new Engine({
    store,
    texts,
    flows,
    defaultLang,
    ...(now ? { now } : {}),
    log,
    observer: handoff,
    numbers: new ConversationNumbers(store),
    availability: () => handoff.availability(),
    effects: {
      [CALLBACK_EFFECT]: callbacks.effect,
      [RATING_EFFECT]: ratings.effect,
      [ERASE_EFFECT]: retention.eraseEffect,
      ...homeVisitEffects(homeVisits),
      ...complaintEffects(complaints),
      ...statusEffects({ source: statusSource, applications, rateLimits: store.rateLimits }),
    },
  });
  const notifier: Notifier = new Notifier(engine, delivery, texts, log);
  handoff.bind(engine, notifier);
  // The queues are swept often enough to ask a silent citizen on time, at most every 30 s.
  const sweepEveryMs = Math.max(1, Math.min(30_000, idleMs / 4));
  const scheduler = new Scheduler({ jobs: store.jobs, log, worker: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`, now: clock });
  scheduler.register(NOTIFY_JOB, notifyJobHandler(notifier));
  scheduler.register(APPLICATION_OVERDUE_JOB, overdueJobHandler(applications));
  scheduler.register(RETENTION_JOB, retentionJob(retention, store.jobs, clock));
  scheduler.register(
    QUEUE_SWEEP_JOB,
    queueSweepJob(() => handoff.sweep(), store.jobs, sweepEveryMs, clock),
  );
  return {
    engine,
    handoff,
    notifier,
    scheduler,
    homeVisits,
    complaints,
    applications,
    delivery,
    presence,
    callbacks,
    ratings,
    retention,
    hub,
    forms,
    /** What the flows collected in a conversation, in words for operators. */
    describe: ((data, lang) => describeCollected(flows, data, { lang, t: texts.translator(lang) })) satisfies DescribeCollected,
    /** Starts counting who is online, handing frames from other instances to this one's sockets, and running due jobs. */
    async start() {
      await Promise.all([presence.start(), delivery.start(), scheduleQueueSweep(store.jobs, sweepEveryMs, clock), scheduleRetention(store.jobs, clock), callbacks.migrate()]);
      scheduler.start();
    },
    async stop() {
      handoff.stop();
      await scheduler.stop();
      await presence.stop();
      await delivery.stop();
    },
  };
}

export type Runtime = ReturnType<typeof createRuntime>;
