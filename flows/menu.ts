import { LANGS } from '../locales/i18n';
import { asksWhoMay, fold, LOW_CONFIDENCE, parse, serviceCertainty } from './nlu';
import { languageNamed } from './nlu/rules';
import type { Choice, Flow, FlowContext, Reply, StepResult } from './types';
import { stateOf } from './types';
import type { Lang } from '../store/types';

/** The main menu's sections, in the order shown; choice ids are `menu:<section>` (DESIGN.md §6). */
export const MENU_SECTIONS = ['checklist', 'home_visit', 'status', 'complaint', 'operator', 'language'] as const;
export type MenuSection = (typeof MENU_SECTIONS)[number];

export const MENU_FLOW_ID = 'menu';

export function menuChoices(ctx: FlowContext): Choice[] {
  return MENU_SECTIONS.map((section) => ({ id: `menu:${section}`, label: ctx.t(`menu:choices.${section}`) }));
}

/**
 * The language picker: shown from any step; the `lang:` choices are handled by the engine. The language the citizen
 * named (`asked`: "на казахском можно?") is the one a typed "да" or "иә" chooses.
 */
export function languagePrompt(t: FlowContext['t'], asked?: Lang): Reply {
  return {
    text: t('common:language.prompt'),
    choices: LANGS.map((lang) => ({ id: `lang:${lang}`, label: t(`common:choices.lang_${lang}`), ...(lang === asked ? { yes: true as const } : {}) })),
  };
}

export function isMenuChoice(id: string): id is `menu:${MenuSection}` {
  return id.startsWith('menu:') && (MENU_SECTIONS as readonly string[]).includes(id.slice(5));
}

/**
 * The menu. `sectionFlows` names the flow that serves each section; a section without one says
 * honestly that it is being prepared and where to get help now.
 */
export function createMenuFlow(sectionFlows: Partial<Record<MenuSection, string>>): Flow {
  const flow: Flow = {
    id: MENU_FLOW_ID,
    version: 1,
    start(ctx, params) {
      const replies: Reply[] = [];
      if (params?.greet) replies.push({ text: ctx.t('menu:greeting') });
      if (params?.notice) replies.push({ text: ctx.t(String(params.notice)) });
      replies.push(...flow.prompt(root, ctx));
      return { replies, state: root };
    },
    handle(_state, event, ctx): StepResult {
      if (event.type === 'choice' && isMenuChoice(event.id)) return open(event.id.slice(5) as MenuSection, ctx);
      if (event.type === 'text') {
        const parsed = parse(event.text, ctx.lang);
        // Unsure readings, questions, thanks and the rest go back to the engine, which understands them at any step.
        // A request for a service's list half read as a question on it is sure enough of the service.
        const listWanted = parsed.intent === 'checklist' && serviceCertainty(parsed) >= LOW_CONFIDENCE;
        if (parsed.confidence >= LOW_CONFIDENCE || listWanted) {
          const { intent, serviceId, ambiguous, applicationNumber } = parsed;
          if (intent === 'checklist' && sectionFlows.checklist) {
            // "положено ли бесплатное питание?": the list opens with who may get it.
            const params = serviceId ? { serviceId, written: event.text, ...(asksWhoMay(event.text) ? { whoMay: true } : {}) } : ambiguous ? { candidates: ambiguous, written: event.text } : {};
            return { replies: [], goto: { flow: sectionFlows.checklist, params } };
          }
          if (intent === 'greeting') return flow.start(ctx, { greet: true });
          // "маме 80 лет, нужен дубликат аттестата, сама не дойдёт": the visit is booked for the service named, and for whom the message says.
          if (intent === 'home_visit' && sectionFlows.home_visit) return { replies: [], goto: { flow: sectionFlows.home_visit, params: { ...(serviceId ? { serviceId } : {}), written: event.text } } };
          if (intent === 'status' && applicationNumber && sectionFlows.status) return { replies: [], goto: { flow: sectionFlows.status, params: { number: applicationNumber } } };
          if (intent === 'complaint' && sectionFlows.complaint)
            return {
              replies: [],
              // The message may already tell what happened: the complaint offers it as the description.
              goto: {
                flow: sectionFlows.complaint,
                params: { ...(parsed.against ? { against: parsed.against } : {}), ...(serviceId ? { serviceId } : ambiguous ? { candidates: ambiguous } : {}), written: event.text },
              },
            };
          if (intent === 'language') return { replies: [languagePrompt(ctx.t, languageNamed(fold(event.text)))], state: root };
          if ((MENU_SECTIONS as readonly string[]).includes(intent)) return open(intent as MenuSection, ctx);
        }
      }
      return { replies: [{ text: ctx.t('menu:not_understood'), choices: menuChoices(ctx) }], state: root, notUnderstood: true };
    },
    prompt: (_state, ctx) => [{ text: ctx.t('menu:prompt'), choices: menuChoices(ctx) }],
  };
  const root = stateOf(flow, 'root');

  const open = (section: MenuSection, ctx: FlowContext): StepResult => {
    if (section === 'language') return { replies: [languagePrompt(ctx.t)], state: root };
    const target = sectionFlows[section];
    if (target) return { replies: [], goto: { flow: target } };
    return { replies: [{ text: ctx.t('menu:preparing', { section: ctx.t(`menu:choices.${section}`) }) }, ...flow.prompt(root, ctx)], state: root };
  };
  return flow;
}
