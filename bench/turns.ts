import { randomUUID } from 'node:crypto';
import { Bot, session, type Context, type SessionFlavor } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { createClient } from 'redis';
import pino from 'pino';
import type { EngineEvent } from '../bot/engine';
import { createRuntime } from '../bot/runtime';
import { loadConfig } from '../config';
import { getModel } from '../flows/nlu/model';
import type { OpeningSpan } from '../domain/hours';
import { iinCheckDigit } from '../domain/iin';
import { createTexts } from '../locales/i18n';
import { createMemoryStore } from '../store/memory';
import { createRedisStore } from '../store/redis';
import type { Conversation, ConversationStore, Store, TranscriptEntry } from '../store/types';

/**
 * Turns per second through Redis: our engine (load, decide, compare-and-set save with transcript)
 * on the citizens' journeys against a bare grammY echo bot whose session is a Redis GET/SET, both
 * driven in-process with the same number of conversations in flight, both with Telegram's API
 * short-circuited so only the bot's own work and Redis are measured.
 */

export interface TurnsResult {
  name: string;
  turnsPerSecond: number;
  turns: number;
  seconds: number;
}

const CONVERSATIONS = 256;
const botInfo: UserFromGetMe = {
  id: 42,
  is_bot: true,
  first_name: 'bench',
  username: 'bench_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
} as UserFromGetMe;

/** Runs `turn(conversation, i)` on CONVERSATIONS conversations at once for `seconds`, after a warm-up. */
async function measure(name: string, seconds: number, turn: (conversation: number, i: number) => Promise<unknown>): Promise<TurnsResult> {
  const run = async (until: number) => {
    let turns = 0;
    await Promise.all(
      Array.from({ length: CONVERSATIONS }, async (_, conversation) => {
        for (let i = 0; Date.now() < until; i++) {
          await turn(conversation, i);
          turns++;
        }
      }),
    );
    return turns;
  };
  await run(Date.now() + 1000);
  const started = process.hrtime.bigint();
  const turns = await run(Date.now() + seconds * 1000);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return { name, turns, seconds: elapsed, turnsPerSecond: turns / elapsed };
}

/** One turn of a journey: an event, or the first offered choice whose id starts with `first` (a day, a window). */
type Move = EngineEvent | { first: string };
interface Journey {
  name: string;
  /** The moves of the journey run `n`-th. */
  moves: (n: number) => Move[];
  /** Whether the last turn's replies show the journey reached its end. */
  done: (text: string) => boolean;
}

const choice = (id: string): EngineEvent => ({ type: 'choice', id });
const text = (value: string): EngineEvent => ({ type: 'text', text: value });
const IIN = '850520400003';
/**
 * Applications whose status the citizens look up: each IIN may be looked up 10 times an hour, so
 * the look-ups go round a pool large enough for a run.
 */
const APPLICATIONS = 400;
const applicationPool = Array.from({ length: APPLICATIONS * 2 }, (_, i) => {
  const digits = `8505204${String(1000 + i).padStart(4, '0')}`.split('').map(Number);
  const check = iinCheckDigit(digits);
  return check === null ? undefined : { number: `SC-2026-${String(1000 + i).padStart(4, '0')}`, iin: `${digits.join('')}${check}` };
})
  .filter((a) => a !== undefined)
  .slice(0, APPLICATIONS);
const application = (n: number) => applicationPool[n % applicationPool.length]!;

/** The citizens' journeys, each in a new conversation, as a citizen clicks and types them in Russian. */
const JOURNEYS: Journey[] = [
  {
    name: 'checklist, details and the form',
    moves: () => [
      text('меню'),
      ...['menu:checklist', 'svc:duplicate-school', 'ans:channel:provider_office', 'ans:applicant:parent', 'ans:reason:damaged', 'tick:application_by_parent', 'nav:details', 'nav:form'].map(choice),
      ...['№ 12 мектеп', 'Әлімжанова Гүлнұр', IIN, '2002'].map(text),
      ...['q:skip', 'q:document:certificate', 'q:confirm'].map(choice),
    ],
    done: (said) => said.includes('Заявление готово'),
  },
  {
    name: 'home-visit booking',
    moves: () => [
      text('меню'),
      ...['menu:home_visit', 'hv:self', 'hv:eligible:yes', 'hv:svc:duplicate-school', 'ans:applicant:self', 'ans:reason:lost', 'menu:home_visit'].map(choice),
      ...['Сапаров Болат Ержанович', IIN, '87011234567'].map(text),
      choice('q:address:almaty'),
      ...['проспект Абая', '10'].map(text),
      ...['q:skip', 'q:skip', 'q:skip', 'q:needs:wheelchair', 'q:skip', 'q:consent:yes', 'q:confirm'].map(choice),
      { first: 'hv:day:' },
      { first: 'hv:win:' },
    ],
    done: (said) => said.includes('HV-'),
  },
  {
    name: 'status look-up',
    moves: (n) => [text('меню'), choice('menu:status'), text(application(n).number), text(application(n).iin)],
    done: (said) => said.includes('Заявление №'),
  },
];

export interface EngineTurnsResult extends TurnsResult {
  hours: string;
  /** Journeys run to their end, and those that did not reach it (a bench that measures something else). */
  journeys: number;
  /** By journey name. */
  missed: Record<string, number>;
}

/**
 * The engine as the server runs it (the hand-over observing every turn, the contact centre's shipped
 * hours), on the citizens' journeys: each conversation slot runs the three journeys in turn, each in
 * a new conversation. Home visits get unlimited capacity, so that bookings never run out.
 */
export async function engineTurns(redisUrl: string, seconds: number): Promise<EngineTurnsResult> {
  // As the server opens it: a turn's commands fail fast, with the shipped deadline.
  const store = await createRedisStore({ url: redisUrl, prefix: `bench-${randomUUID()}:`, commandTimeoutMs: loadConfig({}).STORE_TIMEOUT_MS });
  return engineTurnsOn(store, seconds);
}

/** {@link engineTurns} on any store (the memory store leaves the engine's own work alone to measure); closes it after. */
export async function engineTurnsOn(store: Store, seconds: number): Promise<EngineTurnsResult> {
  const shipped = loadConfig({});
  // As in the server, whose model of typed text is read (or trained) before citizens write: not a turn's cost.
  getModel();
  const hours = shipped.CONTACT_CENTRE_HOURS;
  const runtime = createRuntime({
    store,
    texts: createTexts(),
    log: pino({ level: 'silent' }),
    defaultLang: 'ru',
    hours,
    idleMs: 600_000,
    secret: randomUUID(),
    telegram: false,
    homeVisitCapacity: { default: 1_000_000_000, byRegion: {} },
  });
  const submittedAt = new Date(Date.now() - 3 * 86_400_000);
  for (const { number, iin } of applicationPool) {
    await runtime.applications.update(number, { iin, serviceId: 'duplicate-school', status: 'registered', submittedAt: submittedAt.toISOString(), channel: 'state_corporation' }, submittedAt);
  }
  const run = randomUUID().slice(0, 8);
  const position = new Map<number, { journey: number; moves: Move[]; step: number; id: string; choices: string[] }>();
  let journeys = 0;
  const missed: Record<string, number> = {};
  let started = 0;
  const begin = (journey: number) => {
    const n = started++;
    return { journey, moves: JOURNEYS[journey]!.moves(n), step: 0, id: `web-${run}-${n}`, choices: [] as string[] };
  };
  try {
    const result = await measure('engine turn on the journeys (Redis store)', seconds, async (slot) => {
      let at = position.get(slot);
      if (!at) {
        at = begin(slot % JOURNEYS.length);
        position.set(slot, at);
      }
      const journey = JOURNEYS[at.journey]!;
      const move = at.moves[at.step]!;
      const event = 'first' in move ? choice(at.choices.find((id) => id.startsWith(move.first)) ?? move.first) : move;
      const { replies } = await runtime.engine.handle({ conversationId: at.id, channel: 'web', langHint: 'ru', event });
      at.choices = (replies.at(-1)?.choices ?? []).map((c) => c.id);
      if (++at.step < at.moves.length) return;
      if (journey.done(replies.map((r) => r.text).join('\n'))) journeys++;
      else {
        missed[journey.name] = (missed[journey.name] ?? 0) + 1;
        if (process.env.BENCH_DEBUG)
          console.error(
            journey.name,
            replies
              .map((r) => r.text)
              .join(' / ')
              .slice(0, 300),
          );
      }
      position.set(slot, begin((at.journey + 1) % JOURNEYS.length));
    });
    return { ...result, hours: Array.isArray(hours) ? describeHours(hours) : hours, journeys, missed };
  } finally {
    await store.close();
  }
}

function textUpdate(updateId: number, chatId: number, text: string): Update {
  return {
    update_id: updateId,
    message: { message_id: updateId, date: 0, chat: { id: chatId, type: 'private', first_name: 'A' }, from: { id: chatId, is_bot: false, first_name: 'A' }, text },
  } as Update;
}

/** Answers every Bot API call at once, so the bench measures the bot, not a network. */
function shortCircuit<C extends Context>(bot: Bot<C>) {
  bot.api.config.use(async (_prev, method, payload) => {
    const chatId = (payload as { chat_id?: number }).chat_id ?? 0;
    return { ok: true, result: method === 'sendMessage' ? { message_id: 1, date: 0, chat: { id: chatId, type: 'private' }, text: '' } : true } as never;
  });
}

/** What the echo bot is sent: a citizen's short messages. */
const ECHO_TEXTS = ['меню', 'SC-2026-0417', IIN, 'проспект Абая'];

type EchoContext = Context & SessionFlavor<{ count: number }>;

export async function grammyEchoTurns(redisUrl: string, seconds: number): Promise<TurnsResult> {
  const client = createClient({ url: redisUrl });
  await client.connect();
  const prefix = `bench-echo-${randomUUID()}:`;
  const bot = new Bot<EchoContext>('1:bench', { botInfo });
  shortCircuit(bot);
  bot.use(
    session({
      initial: () => ({ count: 0 }),
      storage: {
        read: async (key) => {
          const value = await client.get(prefix + key);
          return value === null ? undefined : JSON.parse(value);
        },
        write: async (key, value) => {
          await client.set(prefix + key, JSON.stringify(value));
        },
        delete: async (key) => {
          await client.del(prefix + key);
        },
      },
    }),
  );
  bot.on('message:text', async (ctx) => {
    ctx.session.count++;
    await ctx.reply(ctx.message.text);
  });
  let updateId = 0;
  try {
    return await measure('bare grammY echo (Redis GET/SET session)', seconds, (conversation, i) => bot.handleUpdate(textUpdate(++updateId, 10_000 + conversation, ECHO_TEXTS[i % ECHO_TEXTS.length]!)));
  } finally {
    await client.close();
  }
}

/** What the engine saved in one turn: the conversation and the turn's transcript entries. */
type SavedTurn = readonly [Conversation, readonly TranscriptEntry[]];

/** The first `count` saves of the engine's journeys, run on the memory store. */
async function engineSaves(count: number): Promise<SavedTurn[]> {
  const store = createMemoryStore();
  const saves: SavedTurn[] = [];
  const recording: ConversationStore = Object.create(store.conversations, {
    save: {
      value: (conversation: Conversation, expectedRevision: number, transcript: readonly TranscriptEntry[]) => {
        if (saves.length < count) saves.push([conversation, transcript]);
        return store.conversations.save(conversation, expectedRevision, transcript);
      },
    },
  });
  await engineTurnsOn({ ...store, conversations: recording }, 1);
  return saves;
}

/**
 * For information, not a target: a bare grammY bot that saves what the engine saves — the engine's
 * own conversations and transcript entries, turn after turn, through the same store and its
 * compare-and-set — but decides nothing. The engine against it is what deciding a turn costs
 * beyond storing it.
 */
export async function grammyStoringTurns(redisUrl: string, seconds: number): Promise<TurnsResult> {
  const saves = await engineSaves(6000);
  const store = await createRedisStore({ url: redisUrl, prefix: `bench-stored-${randomUUID()}:`, commandTimeoutMs: loadConfig({}).STORE_TIMEOUT_MS });
  const bot = new Bot('1:bench', { botInfo });
  shortCircuit(bot);
  // As the engine keeps them: the conversation as last saved, so a turn reads only what it has not got.
  const saved = new Map<string, Conversation>();
  let turn = 0;
  bot.on('message:text', async (ctx) => {
    const id = `stored-${ctx.chat.id}`;
    const [conversation, entries] = saves[turn++ % saves.length]!;
    const current = saved.get(id) ?? (await store.conversations.get(id));
    const at = new Date().toISOString();
    const next: Conversation = { ...conversation, id, revision: (current?.revision ?? 0) + 1, updatedAt: at };
    const result = await store.conversations.save(
      next,
      current?.revision ?? 0,
      entries.map((entry) => ({ ...entry, at })),
    );
    if (!result.saved) throw new Error(`bench: the save of ${id} lost, though only this bot writes it`);
    saved.set(id, next);
    await ctx.reply(entries.at(-1)!.text);
  });
  let updateId = 0;
  try {
    return await measure('bare grammY bot saving what the engine saves (same store)', seconds, (conversation, i) =>
      bot.handleUpdate(textUpdate(++updateId, 20_000 + conversation, ECHO_TEXTS[i % ECHO_TEXTS.length]!)),
    );
  } finally {
    await store.close();
  }
}

/** Opening spans as CONTACT_CENTRE_HOURS writes them, for the table. */
function describeHours(spans: OpeningSpan[]): string {
  const day = (d: number) => ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][d - 1];
  return spans.map((s) => `${day(s.days[0]!)}-${day(s.days.at(-1)!)} ${s.from}-${s.to}`).join('; ');
}
