import { describe, expect, it } from 'vitest';
import { parse } from '../../flows/nlu';
import { evaluate } from './evaluate';
import { datasetExists, readDataset } from './labelled';

/**
 * What the understanding reaches on the held-out labelled messages (tests/nlu/dataset/README.md:
 * written after the last tuning by writers who saw neither the phrases nor the model, measured here,
 * never tuned on), held so that it does not fall back. The parse is deterministic, so these are
 * today's figures: 106 412 of 132 370 right; 7 084 of 12 518 home visits, 10 721 of 11 641 complaints and
 * 3 192 of 3 260 operator requests recognised; sure of the wrong language 149 times. The goal is higher — 95 %
 * top-1, every home visit, complaint and operator request, never sure of the wrong language — and
 * not reached yet:
 * `BENCH=nlu npm run bench` prints where it stands.
 */
const FLOOR = { accuracy: 106412 / 132370, recall: { home_visit: 7084 / 12518, complaint: 10721 / 11641, operator: 3192 / 3260 }, sureOfTheWrongLanguage: 149 } as const;

describe.skipIf(!datasetExists('heldout'))('understanding the held-out labelled messages', () => {
  const result = evaluate(readDataset('heldout'));

  it(`gets at least ${(FLOOR.accuracy * 100).toFixed(1)} % of them right (intent, and the service where labelled)`, () => {
    expect(result.accuracy).toBeGreaterThanOrEqual(FLOOR.accuracy - 1e-9);
  });

  it(`is sure of the wrong language no more often than today (for ${FLOOR.sureOfTheWrongLanguage} of the messages), the conversation being in the other one`, () => {
    const rows = readDataset('heldout');
    const sureButWrong = rows.filter((row) => {
      const parsed = parse(row.text, row.lang === 'kk' ? 'ru' : 'kk');
      return parsed.langCertain && parsed.lang !== row.lang;
    });
    expect(sureButWrong.length).toBeLessThanOrEqual(FLOOR.sureOfTheWrongLanguage);
  }, 120_000);

  it.each(Object.entries(FLOOR.recall))('recognises %s messages at least as often as it does today', (intent, floor) => {
    const figures = result.perIntent.find((f) => f.intent === intent);
    expect(figures?.count).toBeGreaterThan(0);
    expect(figures!.recall).toBeGreaterThanOrEqual(floor - 1e-9);
  });
});

it.runIf(!datasetExists('heldout'))('the held-out set is not written yet: the accuracy test waits for tests/nlu/dataset/heldout.jsonl', () => {});
