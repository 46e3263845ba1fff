import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { operatorTyping } from '../../../bot/channels/web';
import { ConversationNumbers } from '../../../bot/conversation-numbers';
import { publishWebFrames } from '../../../bot/delivery';
import type { ChangeResult } from '../../../bot/engine';
import { firstName } from '../../../bot/handoff/shared';
import { GENERAL_QUEUE, SUPERVISORS_QUEUE, type Actor } from '../../../bot/handoff';
import type { DescribedSection } from '../../../flows/describe';
import type { Conversation, Lang } from '../../../store/types';
import { ApiError, apiError } from '../../errors';
import { factsOf, type ListedFacts, ListingRows } from '../../operator/listing-rows';
import { conversationTitle, firstWordsIn, summarize } from '../../operator/summary';
import { actorOf, bearer, type OperatorRouteOptions } from './deps';

const ConversationView = z.object({
  id: z.string(),
  /** What the citizen reads out to 1414 (its last part): C-2026-004821; null on conversations started before numbering. */
  number: z.string().nullable(),
  channel: z.enum(['telegram', 'web']),
  lang: z.enum(['kk', 'ru']),
  owner: z.string(),
  status: z.enum(['open', 'closed']),
  priority: z.number(),
  waitingSince: z.string().nullable(),
  summary: z.string(),
  topic: z.string().nullable(),
  /** What the console calls the conversation, in its language: the topic, else the service, else the citizen's first words. */
  title: z.string().nullable(),
  queue: z.string().nullable(),
  operator: z.string().nullable(),
  updatedAt: z.string(),
});

const Note = z.object({ at: z.string(), author: z.string(), text: z.string() });
type Note = z.infer<typeof Note>;

const Described = z.object({ section: z.string(), title: z.string(), items: z.array(z.object({ label: z.string(), value: z.string() })) });

const ConversationDetail = ConversationView.extend({
  /** `author`: the operator's first name, on operator messages. */
  transcript: z.array(z.object({ from: z.enum(['citizen', 'bot', 'operator', 'system']), text: z.string(), at: z.string(), author: z.string().optional() })),
  data: z.record(z.string(), z.unknown()),
  /** `data` in words, in the console's language: one section per flow that collected something. */
  described: z.array(Described),
  notes: z.array(Note),
  transferNote: z.string().nullable(),
});

/** The shapes the operator console reads (type-only, so the browser bundle carries no zod). */
export type ConversationViewBody = z.infer<typeof ConversationView>;
export type ConversationDetailBody = z.infer<typeof ConversationDetail>;
export type { Note };

const Id = z.object({ id: z.string().min(1).max(128) });
/** The shortest pause between two typing signals of one conversation that reach the citizen. */
const TYPING_EVERY_MS = 3000;
const ConsoleLang = z.enum(['kk', 'ru']).default('ru');
/** How far into a transcript a list row looks for the citizen's first typed words. */
const FIRST_WORDS_WITHIN = 20;

function view(c: Conversation, lang: Lang, described: readonly DescribedSection[], firstWords?: string): z.infer<typeof ConversationView> {
  return {
    id: c.id,
    number: c.number ?? null,
    channel: c.channel,
    lang: c.lang,
    owner: c.owner,
    status: c.status,
    priority: c.handoff?.priority ?? 0,
    waitingSince: c.owner === 'queue' ? (c.handoff?.waitingSince ?? null) : null,
    summary: summarize(c, described, lang),
    topic: c.handoff?.topic ?? null,
    title: conversationTitle(c, lang, firstWords) ?? null,
    queue: c.owner === 'queue' ? (c.handoff?.queue ?? GENERAL_QUEUE) : null,
    operator: c.owner.startsWith('operator:') ? c.owner.slice('operator:'.length) : null,
    updatedAt: c.updatedAt,
  };
}

const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

/** A JSON array of elements that are JSON already. */
function jsonArray(elements: readonly Buffer[]): Buffer {
  return Buffer.concat([OPEN, ...elements.flatMap((element, i) => (i === 0 ? [element] : [COMMA, element])), CLOSE]);
}

/** What a refused move means over HTTP. */
const REFUSALS: Record<string, [number, string, string]> = {
  not_found: [404, 'not_found', 'No such conversation'],
  owned_by_other: [409, 'conflict', 'Another operator has this conversation'],
  not_yours: [409, 'not_yours', 'Take the conversation over first'],
  already_theirs: [409, 'conflict', 'That operator has this conversation already'],
};

/** The conversation list, one conversation with its transcript, and the moves on it. */
export const conversationRoutes: FastifyPluginAsync<OperatorRouteOptions> = async (fastify, deps) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { store, handoff, audit, accounts, canned, describe, requireRole } = deps;
  // Every route of this scope is for a signed-in operator of any role.
  app.addHook('onRequest', requireRole());
  const notes = store.log<Note>('notes', 500);
  const numbers = new ConversationNumbers(store);
  /** When each conversation's typing signal last went to the citizen (this instance's). */
  const typingSent = new Map<string, number>();
  /** A conversation by its id or, failing that, by its number as the citizen read it out. */
  const byIdOrNumber = async (typed: string): Promise<Conversation | null> => {
    const conversation = await store.conversations.get(typed);
    if (conversation) return conversation;
    const id = await numbers.find(typed);
    return id ? store.conversations.get(id) : null;
  };
  const viewOf = (c: Conversation, lang: Lang) => view(c, lang, describe(c.data, lang));
  /** A list row with neither a topic nor a service is titled by the citizen's first words, read from the transcript's head. */
  const untitledFirstWords = async (c: Conversation, lang: Lang): Promise<string | undefined> =>
    conversationTitle(c, lang) === undefined ? firstWordsIn(await store.conversations.transcriptHead(c.id, FIRST_WORDS_WITHIN)) : undefined;

  /** The conversations filed under the ids given, in that order; stale index entries are refiled. */
  const load = async (ids: readonly string[], keep: (facts: ListedFacts) => boolean): Promise<Conversation[]> => {
    const found = await store.conversations.getMany(ids);
    const kept: Conversation[] = [];
    for (const conversation of found) {
      if (!conversation) continue;
      if (keep(factsOf(conversation))) kept.push(conversation);
      else await handoff.refile(conversation);
    }
    return kept;
  };

  const rows = new ListingRows();
  /**
   * A page of the list as JSON in UTF-8, in the order of `ids`: a conversation is read and described
   * again only when its stamp moved on since this instance last drew its row.
   */
  const listRows = async (ids: readonly string[], stamps: readonly (number | null)[], lang: Lang, keep: (facts: ListedFacts) => boolean): Promise<Buffer> => {
    const kept = ids.map((id, i) => rows.get(id, stamps[i] ?? null, lang));
    const current = (i: number) => kept[i] !== undefined && keep(kept[i].facts);
    const drawn = new Map<string, Buffer>();
    const read = await load(
      ids.filter((_, i) => !current(i)),
      keep,
    );
    await Promise.all(
      read.map(async (c) => {
        const json = Buffer.from(JSON.stringify(view(c, lang, describe(c.data, lang), await untitledFirstWords(c, lang))));
        rows.put(c, lang, json);
        drawn.set(c.id, json);
      }),
    );
    const page = ids.flatMap((id, i) => (current(i) ? [kept[i]!.json] : drawn.has(id) ? [drawn.get(id)!] : []));
    return jsonArray(page);
  };

  const queuesFor = (actor: Actor, queue: string | undefined) => (queue ? [queue] : actor.role === 'operator' ? [GENERAL_QUEUE] : [SUPERVISORS_QUEUE, GENERAL_QUEUE]);

  app.get('/api/operator/conversations', {
    schema: {
      tags: ['operator'],
      summary: 'Conversations: the queue in serving order, mine, or any not with the bot; closed ones most recent first. A page of `limit` (50) from `offset`; X-Total-Count gives the whole count',
      security: bearer,
      querystring: z.object({
        owner: z.enum(['queue', 'me', 'any']).default('queue'),
        status: z.enum(['open', 'closed']).default('open'),
        queue: z.enum([GENERAL_QUEUE, SUPERVISORS_QUEUE]).optional(),
        /** The conversation with this number (C-2026-004821, or the digits the citizen read out), whoever has it: a list of one or none. */
        number: z.string().trim().min(1).max(32).optional(),
        lang: ConsoleLang,
        limit: z.coerce.number().int().min(1).max(500).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      response: { 200: z.array(ConversationView), 400: ApiError, 401: ApiError },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const { owner, status, queue, lang, limit, offset, number } = request.query;
      if (number !== undefined) {
        const id = await numbers.find(number);
        const found = id ? await store.conversations.get(id) : null;
        reply.header('x-total-count', found ? '1' : '0');
        return found ? [viewOf(found, lang)] : [];
      }
      const me = `operator:${actor.login}` as const;
      let total: number;
      let page: string[];
      let stamps: (number | null)[];
      if (status === 'closed' || owner === 'me') {
        const ids = status === 'closed' ? await handoff.recentlyClosed(500) : await store.handoff.owned(me);
        [total, page] = [ids.length, ids.slice(offset, offset + limit)];
        // Closed conversations are filed nowhere, so they have no stamps.
        stamps = status === 'closed' ? page.map(() => null) : await store.handoff.revisions(page);
      } else {
        // Queues are long (thousands at peak): only the requested page is read from them, with its stamps, in one step.
        const queued = await store.handoff.queuePage(queuesFor(actor, queue), { offset, limit });
        ({ total, ids: page, revisions: stamps } = queued);
        if (owner === 'any') {
          // The conversations operators have come after the queues.
          const owned = await store.handoff.owned();
          const from = Math.max(0, offset - queued.total);
          const more = owned.slice(from, from + limit - page.length);
          total += owned.length;
          page = [...page, ...more];
          stamps = [...stamps, ...(await store.handoff.revisions(more))];
        }
      }
      const matches = (c: ListedFacts) =>
        status === 'closed'
          ? c.status === 'closed' && (owner !== 'me' || c.operatorLogin === actor.login)
          : c.status === 'open' && (owner === 'me' ? c.owner === me : owner === 'queue' ? c.owner === 'queue' : c.owner !== 'bot');
      // The rows are JSON already (kept so), sent as they are; `view` gives them the shape of ConversationView.
      const body = await listRows(page, stamps, lang, matches);
      return reply
        .header('x-total-count', String(total))
        .type('application/json; charset=utf-8')
        .send(body as unknown as ConversationViewBody[]);
    },
  });

  app.get('/api/operator/conversations/:id', {
    schema: {
      tags: ['operator'],
      summary:
        'One conversation (any, also one with the bot), by its id or its number: transcript, collected data (as stored, and `described` in words in the console language), summary and private notes',
      security: bearer,
      params: Id,
      querystring: z.object({ lang: ConsoleLang }),
      response: { 200: ConversationDetail, 401: ApiError, 404: ApiError },
    },
    handler: async (request, reply) => {
      const conversation = await byIdOrNumber(request.params.id);
      if (!conversation) return reply.code(404).send(apiError('not_found', 'No such conversation'));
      await audit.record(actorOf(request).login, 'conversation.read', conversation.id);
      const [transcript, conversationNotes] = await Promise.all([store.conversations.transcript(conversation.id, 500), notes.list(conversation.id)]);
      const described = describe(conversation.data, request.query.lang);
      return {
        ...view(conversation, request.query.lang, described, firstWordsIn(transcript)),
        transcript,
        data: conversation.data,
        described,
        notes: conversationNotes,
        transferNote: conversation.handoff?.note ?? null,
      };
    },
  });

  /** Sends a move's outcome (the conversation as it is now, or the refusal as an error) and audits a move made. */
  const answer = async (reply: FastifyReply, result: ChangeResult, move: { id: string; lang: Lang; actor: string; action: string; details?: Record<string, unknown> | undefined }) => {
    if (!result.changed) {
      if (result.reason === 'already_yours') {
        const current = await store.conversations.get(move.id);
        if (current) return viewOf(current, move.lang);
      }
      const [status, code, message] = REFUSALS[result.reason] ?? [409, 'conflict', result.reason];
      return reply.code(status).send(apiError(code, message));
    }
    await audit.record(move.actor, move.action, move.id, move.details);
    return viewOf(result.conversation, move.lang);
  };

  const moveSchema = (summary: string) => ({
    tags: ['operator'],
    summary,
    security: bearer,
    params: Id,
    querystring: z.object({ lang: ConsoleLang }),
    response: { 200: ConversationView, 400: ApiError, 401: ApiError, 404: ApiError, 409: ApiError },
  });

  app.post('/api/operator/conversations/:id/takeover', {
    schema: moveSchema('Take the conversation over (409 when another operator has it); the bot falls silent'),
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const result = await handoff.takeover(request.params.id, actor);
      return answer(reply, result, { id: request.params.id, lang: request.query.lang, actor: actor.login, action: 'conversation.takeover' });
    },
  });

  app.post('/api/operator/conversations/:id/messages', {
    schema: { ...moveSchema("Write to the citizen; a text that is exactly /code sends that canned answer in the citizen's language"), body: z.object({ text: z.string().trim().min(1).max(2000) }) },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const conversation = await store.conversations.get(request.params.id);
      const text = conversation ? await canned.expand(request.body.text, conversation.lang) : request.body.text;
      const result = await handoff.message(request.params.id, actor, text);
      return answer(reply, result, { id: request.params.id, lang: request.query.lang, actor: actor.login, action: 'conversation.message', details: { length: text.length } });
    },
  });

  app.post('/api/operator/conversations/:id/typing', {
    schema: {
      tags: ['operator'],
      summary: "The operator who has the conversation is writing: the citizen's widget shows it for a few seconds. Send it at most every 3 s while typing; 409 when the conversation is not yours",
      security: bearer,
      params: Id,
      response: { 204: z.null(), 401: ApiError, 404: ApiError, 409: ApiError },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const conversation = await store.conversations.get(id);
      if (!conversation) return reply.code(404).send(apiError('not_found', 'No such conversation'));
      if (conversation.owner !== `operator:${actor.login}`) return reply.code(409).send(apiError('not_yours', 'Take the conversation over first'));
      const now = Date.now();
      if (conversation.channel === 'web' && now - (typingSent.get(id) ?? 0) >= TYPING_EVERY_MS) {
        typingSent.set(id, now);
        for (const [seen, at] of typingSent) if (now - at >= TYPING_EVERY_MS) typingSent.delete(seen);
        await publishWebFrames(store.bus, id, [operatorTyping(firstName(actor.name))]);
      }
      return reply.code(204).send(null);
    },
  });

  app.post('/api/operator/conversations/:id/release', {
    schema: moveSchema('Hand the conversation back to the bot, which resumes where the citizen was'),
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const result = await handoff.release(request.params.id, actor);
      return answer(reply, result, { id: request.params.id, lang: request.query.lang, actor: actor.login, action: 'conversation.release' });
    },
  });

  app.post('/api/operator/conversations/:id/transfer', {
    schema: {
      ...moveSchema('Transfer to another operator (a login) or to the supervisors\' queue ("supervisors"), with a note'),
      body: z.object({ to: z.string().min(1).max(64), note: z.string().trim().max(1000).optional() }),
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const { to, note } = request.body;
      let target: { login: string; name: string } | typeof SUPERVISORS_QUEUE = SUPERVISORS_QUEUE;
      if (to !== SUPERVISORS_QUEUE) {
        const account = await accounts.get(to);
        if (!account || account.disabled) return reply.code(400).send(apiError('unknown_operator', `No active operator ${to}`));
        target = { login: account.login, name: account.name };
      }
      const result = await handoff.transfer(request.params.id, actor, target, note || undefined);
      return answer(reply, result, { id: request.params.id, lang: request.query.lang, actor: actor.login, action: 'conversation.transfer', details: { to, ...(note ? { note } : {}) } });
    },
  });

  app.post('/api/operator/conversations/:id/close', {
    schema: { ...moveSchema('Close the conversation with an optional reason; the citizen is asked to rate the help'), body: z.object({ reason: z.string().trim().max(500).optional() }).default({}) },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const reason = request.body.reason || undefined;
      const result = await handoff.close(request.params.id, actor, reason);
      return answer(reply, result, { id: request.params.id, lang: request.query.lang, actor: actor.login, action: 'conversation.close', details: reason ? { reason } : undefined });
    },
  });

  app.post('/api/operator/conversations/:id/notes', {
    schema: {
      tags: ['operator'],
      summary: 'Add a private note (operators only; never shown to the citizen)',
      security: bearer,
      params: Id,
      body: z.object({ text: z.string().trim().min(1).max(2000) }),
      response: { 201: Note, 400: ApiError, 401: ApiError, 404: ApiError },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      if (!(await store.conversations.get(request.params.id))) return reply.code(404).send(apiError('not_found', 'No such conversation'));
      const note = { at: new Date().toISOString(), author: actor.login, text: request.body.text };
      await notes.append(request.params.id, note);
      await audit.record(actor.login, 'conversation.note', request.params.id);
      return reply.code(201).send(note);
    },
  });
};
