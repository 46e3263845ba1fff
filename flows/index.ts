import { CHECKLIST_FLOW_ID, createChecklistFlow } from './checklist';
import { createMenuFlow } from './menu';
import type { Flow } from './types';

/** Every flow the engine runs; the menu names the flow behind each of its sections. */
export function createFlows(): Flow[] {
  return [createMenuFlow({ checklist: CHECKLIST_FLOW_ID }), createChecklistFlow()];
}
