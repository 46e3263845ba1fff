import type { Logger } from 'pino';
import type { Texts } from '../../locales/i18n';
import type { Reply } from '../../flows/types';
import type { Lang } from '../../store/types';
import { isStoreUnavailable } from '../../store/unavailable';
import type { Engine, Inbound } from '../engine';
import type { Metrics } from '../metrics';

export interface TurnRunnerDeps {
  engine: Engine;
  texts: Texts;
  metrics: Metrics;
  log: Logger;
}

export interface ChannelTurn {
  replies: Reply[];
  lang: Lang;
  conversationId: string;
}

/**
 * What a citizen is told when their turn failed: the store out of reach (Redis down or too slow) is
 * "temporarily unavailable", anything else an error; both say that their answers are kept.
 */
export function failureText(texts: Texts, lang: Lang, error: unknown): string {
  return texts.t(lang, isStoreUnavailable(error) ? 'privacy:unavailable' : 'common:errors.internal');
}

/**
 * One turn as both channels run it: counted, timed, and never thrown at the citizen. A failed turn
 * stored nothing, so the citizen is told to try again and loses nothing they entered.
 */
export async function runTurn({ engine, texts, metrics, log }: TurnRunnerDeps, inbound: Inbound, fallbackLang: Lang): Promise<ChannelTurn> {
  metrics.updatesIn.inc({ channel: inbound.channel });
  const stopTimer = metrics.turnSeconds.startTimer({ channel: inbound.channel });
  try {
    const { replies, conversation } = await engine.handle(inbound);
    metrics.repliesOut.inc({ channel: inbound.channel }, replies.length);
    return { replies, lang: conversation.lang, conversationId: conversation.id };
  } catch (error) {
    metrics.errors.inc({ where: `${inbound.channel}_turn` });
    log.error({ err: error, conversationId: inbound.conversationId }, 'turn failed');
    return { replies: [{ text: failureText(texts, fallbackLang, error), from: 'system' }], lang: fallbackLang, conversationId: inbound.conversationId };
  } finally {
    stopTimer();
  }
}
