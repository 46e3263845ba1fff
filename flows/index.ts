import { CHECKLIST_FLOW_ID, createChecklistFlow } from './checklist';
import { COMPLAINT_FLOW_ID, createComplaintFlow } from './complaint';
import { createEraseFlow } from './erase';
import { createHomeVisitFlow, HOME_VISIT_FLOW_ID } from './home-visit';
import { createMenuFlow } from './menu';
import { OPERATOR_FLOW_ID, createOperatorFlow } from './operator';
import { createRatingFlow } from './rating';
import { createStatusFlow, STATUS_FLOW_ID } from './status';
import type { Flow } from './types';

/** Every flow the engine runs; the menu names the flow behind each of its sections. */
export function createFlows(): Flow[] {
  return [
    createMenuFlow({ checklist: CHECKLIST_FLOW_ID, home_visit: HOME_VISIT_FLOW_ID, status: STATUS_FLOW_ID, complaint: COMPLAINT_FLOW_ID, operator: OPERATOR_FLOW_ID }),
    createChecklistFlow(),
    createHomeVisitFlow(),
    createStatusFlow(),
    createComplaintFlow(),
    createOperatorFlow(),
    createRatingFlow(),
    createEraseFlow(),
  ];
}
