import type { Logger } from 'pino';
import type { Reply } from '../flows/types';
import type { Bus, Conversation, Outbox } from '../store/types';
import { messageFrames, type ServerFrame, type WebSocketHub } from './channels/web';
import type { FormFiles } from './forms';
import type { TelegramOutboxPayload } from './outbox';

const WEB_FRAMES_TOPIC = 'web-frames';

interface WebFrames {
  conversationId: string;
  frames: ServerFrame[];
}

/** Hands frames to the conversation's widget sockets, on whichever instance holds them. */
export function publishWebFrames(bus: Pick<Bus, 'publish'>, conversationId: string, frames: ServerFrame[]): Promise<void> {
  const message: WebFrames = { conversationId, frames };
  return bus.publish(WEB_FRAMES_TOPIC, message);
}

/**
 * Sends what an operator or the system says to a citizen outside the citizen's own turn: to
 * Telegram through the outbox (persistent, drained by every instance within Telegram's limits,
 * see bot/outbox.ts), and to widget sockets through the bus, because the socket may be held by
 * another instance. What happens in a conversation (a move of the hand-over or an operator, told
 * without a key), a conversation the contact centre holds (an operator or the queue), and an
 * operator's words go in the live lane with the answers in turns; notifications (told once per
 * key: status changes, reminders, a desk's word) in the bulk lane.
 */
export class Delivery {
  private unsubscribe?: () => Promise<void>;

  /** `telegram`: whether the Telegram channel is on (its outbox is drained only then). */
  constructor(private readonly deps: { bus: Bus; outbox: Outbox; liveOutbox?: Outbox; hub: WebSocketHub; forms: FormFiles; log: Logger; telegram: boolean }) {}

  /** Starts handing frames published by any instance to the sockets this instance holds. */
  async start(): Promise<void> {
    this.unsubscribe = await this.deps.bus.subscribe(WEB_FRAMES_TOPIC, (message) => {
      const { conversationId, frames } = message as WebFrames;
      if (typeof conversationId === 'string' && Array.isArray(frames)) this.deps.hub.send(conversationId, frames);
    });
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
  }

  /**
   * `key` identifies this delivery: the same key given twice sends once. Without one, the stored
   * change is the key (conversation id and revision), so a caller retrying after a failure does
   * not send it again. Each reply is one outbox entry (`<key>:<index>`).
   */
  async deliver(conversation: Conversation, replies: readonly Reply[], key?: string): Promise<void> {
    if (replies.length === 0) return;
    if (conversation.channel === 'telegram') {
      const chatId = conversation.address.telegramChatId;
      if (conversation.address.blocked) {
        this.deps.log.info({ conversationId: conversation.id }, 'the citizen blocked the bot in Telegram: not sent');
        return;
      }
      if (chatId === undefined || !this.deps.telegram) {
        this.deps.log.warn({ conversationId: conversation.id }, 'cannot reach a Telegram conversation: the channel is off or the chat is unknown');
        return;
      }
      const base = key ?? `${conversation.id}:${conversation.revision}`;
      const live = key === undefined || conversation.owner !== 'bot' || replies.some((reply) => reply.from === 'operator');
      const outbox = (live ? this.deps.liveOutbox : undefined) ?? this.deps.outbox;
      for (const [index, reply] of replies.entries()) {
        const payload: TelegramOutboxPayload = { chatId, reply };
        await outbox.add({ key: `${base}:${index}`, chat: String(chatId), payload });
      }
      return;
    }
    await publishWebFrames(this.deps.bus, conversation.id, messageFrames(replies, conversation, this.deps.forms));
  }
}
