import { isLang, type Texts } from '../../locales/i18n';
import { ERASE_FLOW_ID, isEraseRequest } from '../../flows/erase';
import { MENU_FLOW_ID, isMenuChoice, languagePrompt } from '../../flows/menu';
import { isMenuWord, isOperatorWord } from '../../flows/nlu';
import type { Conversation } from '../../store/types';
import type { FlowRunner } from './flow-runner';
import { GO_PREFIX, goTo } from './understanding';
import type { Decision, EngineEvent } from './types';

export const MAX_TEXT_LENGTH = 2000;

/**
 * What holds at every step, before the current flow sees the event: `/start`, the words for the
 * menu and for an operator, the language picker and switch, the menu's buttons, and the checks
 * on typed text. Undefined when the event is the current step's to handle.
 */
export function globalCommand(runner: FlowRunner, texts: Texts, conversation: Conversation, event: EngineEvent): Decision | undefined {
  if (isStart(event)) return runner.start(conversation, MENU_FLOW_ID, { greet: true });
  if (event.type === 'resume') return { conversation, replies: runner.currentPrompt(conversation), effects: [] };

  if (event.type === 'text') {
    const text = event.text.trim();
    if (text.length === 0) return runner.complain(conversation, 'common:errors.empty');
    if (text.length > MAX_TEXT_LENGTH) return runner.complain(conversation, 'common:errors.too_long', { length: text.length, max: MAX_TEXT_LENGTH });
    if (isEraseRequest(text)) return runner.start(conversation, ERASE_FLOW_ID, { back: conversation.state });
    if (isMenuWord(text)) return runner.start(conversation, MENU_FLOW_ID);
    if (isOperatorWord(text)) return menuSection(runner, conversation, 'menu:operator');
  }

  if (event.type === 'choice') {
    if (event.id === 'menu:language') {
      // The language buttons come on top of the current step's, which stay valid.
      return { conversation, replies: [languagePrompt(texts.translator(conversation.lang))], effects: [], keepOffered: true };
    }
    const lang = event.id.startsWith('lang:') ? event.id.slice(5) : undefined;
    if (isLang(lang)) {
      const switched = { ...conversation, lang };
      return { conversation: switched, replies: [{ text: texts.t(lang, 'common:language.switched') }, ...runner.currentPrompt(switched)], effects: [] };
    }
    if (isMenuChoice(event.id)) return menuSection(runner, conversation, event.id);
    if (event.id.startsWith(GO_PREFIX)) return goTo(runner, conversation, event.id) ?? runner.complain(conversation, 'common:errors.stale_choice');
  }
  return undefined;
}

/** The channel's start, or `/start` typed: the greeting and the menu, also for a new conversation. */
export function isStart(event: EngineEvent): boolean {
  return event.type === 'start' || (event.type === 'text' && /^\/start(\s|$|@)/.test(event.text.trim()));
}

/** A menu section opened from any step, as if pressed in the menu. */
function menuSection(runner: FlowRunner, conversation: Conversation, id: string): Decision {
  const menu = runner.flow(MENU_FLOW_ID);
  return runner.apply(conversation, menu.handle(runner.menuRoot(), { type: 'choice', id }, runner.context(conversation)));
}

/** The citizen's side of the transcript: the text, or the label of the button they pressed. */
export function describeEvent(texts: Texts, event: EngineEvent, conversation: Conversation): string | undefined {
  if (event.type === 'text') return event.text.slice(0, MAX_TEXT_LENGTH * 2);
  if (event.type === 'file') return `[📎 ${event.file.name}]`;
  if (event.type !== 'choice') return undefined;
  const offered = conversation.offered.find((c) => c.id === event.id)?.label;
  if (offered) return `[${offered}]`;
  // The menu and language buttons are valid from any step, so they need not be among the offered ones.
  const t = texts.translator(conversation.lang);
  const lang = event.id.startsWith('lang:') ? event.id.slice(5) : undefined;
  if (isLang(lang)) return `[${t(`common:choices.lang_${lang}`)}]`;
  if (isMenuChoice(event.id)) return `[${t(`menu:choices.${event.id.slice(5)}`)}]`;
  // A button of an earlier message (or a forged one): its id means nothing to an operator.
  return `[${t('common:choices.earlier_button')}]`;
}
