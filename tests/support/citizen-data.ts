import type { EngineEvent } from '../../bot/engine';
import type { VisitRequest } from '../../domain/home-visit';
import type { Lang } from '../../store/types';

/** A citizen's IIN (valid checksum) and name, as the tests that keep or erase personal data type them. */
export const IIN = '850520400003';
export const NAME = 'Әлімжанова Гүлнұр';

/** The buttons from the menu to the school duplicate's application form, for a parent whose child's certificate was damaged. */
export const TO_SCHOOL_FORM = ['menu:checklist', 'svc:duplicate-school', 'ans:channel:provider_office', 'ans:applicant:parent', 'ans:reason:damaged', 'nav:form'];

/** Fills and confirms the school duplicate's form (the conversation at its first question), with the citizen's personal data. */
export async function fillSchoolForm(say: (event: EngineEvent) => Promise<unknown>): Promise<void> {
  for (const text of ['№ 12 мектеп', NAME, IIN, '2002']) await say({ type: 'text', text });
  for (const id of ['q:skip', 'q:document:certificate', 'q:confirm']) await say({ type: 'choice', id });
}

/** A home visit to the citizen in Astana on 9 December 2026, as the booking flow hands it to the desk. */
export function visitRequest(conversationId: string, lang: Lang): VisitRequest {
  return {
    date: '2026-12-09',
    window: 'morning',
    address: { region: 'astana', street: 'Кенесары', house: '5' },
    applicant: { name: NAME, iin: IIN },
    phone: '+77011234567',
    phoneOf: 'applicant',
    serviceId: 'duplicate-school',
    needs: [],
    lang,
    conversationId,
  };
}
