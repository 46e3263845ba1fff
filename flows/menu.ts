import type { Choice, Flow, FlowContext, Reply, StepResult } from './types';
import { stateOf } from './types';

/** The main menu's sections, in the order shown; choice ids are `menu:<section>` (DESIGN.md §6). */
export const MENU_SECTIONS = ['checklist', 'home_visit', 'status', 'complaint', 'operator', 'language'] as const;
export type MenuSection = (typeof MENU_SECTIONS)[number];

export const MENU_FLOW_ID = 'menu';

export function menuChoices(ctx: FlowContext): Choice[] {
  return MENU_SECTIONS.map((section) => ({ id: `menu:${section}`, label: ctx.t(`menu:choices.${section}`) }));
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
      if (event.type === 'choice' && isMenuChoice(event.id)) {
        const section = event.id.slice(5) as MenuSection;
        const target = sectionFlows[section];
        if (target) return { replies: [], goto: { flow: target } };
        return {
          replies: [{ text: ctx.t('menu:preparing', { section: ctx.t(`menu:choices.${section}`) }) }, ...flow.prompt(root, ctx)],
          state: root,
        };
      }
      return { replies: [{ text: ctx.t('menu:not_understood'), choices: menuChoices(ctx) }], state: root };
    },
    prompt: (_state, ctx) => [{ text: ctx.t('menu:prompt'), choices: menuChoices(ctx) }],
  };
  const root = stateOf(flow, 'root');
  return flow;
}
