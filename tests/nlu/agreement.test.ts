import { describe, expect, it } from 'vitest';
import { labelAgreement } from './agreement';
import type { Labelled } from './labelled';

const row = (text: string, intent: Labelled['intent'], serviceId: string | null = null, context: Labelled['context'] = 'journey'): Labelled =>
  ({ text, lang: 'kk', intent, serviceId, context, style: ['plain'] }) as Labelled;

describe('how far the labels agree with each other', () => {
  const train = [
    row('мүгедектік анықтамасы бар', 'checklist'),
    row('Мугедектик аныктамасы бар!', 'checklist'),
    row('мугедектик аныктамасы бар', 'home_visit'),
    row('дубликат аттестата', 'checklist', 'duplicate-school', 'first'),
  ];

  it('compares a held-out message with the training messages typed alike, whatever the letters and marks', () => {
    const agreement = labelAgreement(train, [row('МҮГЕДЕКТІК АНЫҚТАМАСЫ БАР', 'home_visit'), row('мүгедектік анықтамасы бар.', 'checklist')]);
    expect(agreement).toMatchObject({ shared: 2, agreeing: 1 });
    expect(agreement.disagreements).toEqual([{ training: 'checklist -', heldout: 'home_visit -', count: 1, example: 'МҮГЕДЕКТІК АНЫҚТАМАСЫ БАР' }]);
  });

  it('counts a service and the place in the conversation as part of the label and of the typing', () => {
    const agreement = labelAgreement(train, [row('дубликат аттестата', 'checklist', null, 'first'), row('дубликат аттестата', 'checklist', null, 'journey')]);
    expect(agreement).toMatchObject({ shared: 1, agreeing: 0 });
    expect(agreement.disagreements[0]).toMatchObject({ training: 'checklist duplicate-school', heldout: 'checklist -' });
  });
});
