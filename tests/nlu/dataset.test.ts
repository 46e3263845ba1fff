import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVICE_IDS } from '../../flows/catalog/schema';

/**
 * The labelled messages the understanding of typed text is measured on: train.jsonl may be used to
 * tune, heldout.jsonl only to measure. This checks that every line keeps the label scheme of
 * dataset/README.md and that the set is as large and as balanced as the measurement needs.
 */

const INTENTS = ['checklist', 'home_visit', 'status', 'complaint', 'operator', 'language', 'greeting', 'thanks', 'menu', 'question', 'unknown'] as const;
const TOPICS = ['fee', 'term', 'channels', 'hours', 'documents', 'missing_document', 'result', 'refusal'] as const;
const AGAINST = ['provider', 'state_corporation', 'result'] as const;
const STYLES = ['typo', 'no_kazakh_letters', 'latin', 'mixed', 'one_word', 'indirect_level', 'plain'] as const;
const CITIZEN_SERVICES = SERVICE_IDS.filter((id) => id !== 'state-order-competition');
const KEYS = new Set(['text', 'lang', 'intent', 'serviceId', 'topic', 'applicationNumber', 'against', 'ambiguous', 'context', 'style']);

interface Example {
  text: string;
  lang: 'kk' | 'ru';
  intent: (typeof INTENTS)[number];
  serviceId: string | null;
  topic?: string;
  applicationNumber?: string;
  against?: string;
  ambiguous?: string[];
  context: 'first' | 'journey';
  style: string[];
}

/** The dataset's files: the two that measure, and the set written for the next round (dataset/README.md). */
type Part = 'train' | 'heldout' | 'next-heldout';
const fileOf = (part: Part) => new URL(`dataset/${part}.jsonl`, import.meta.url);
const read = (part: Part) =>
  readFileSync(fileOf(part), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => ({ where: `${part}:${index + 1}`, example: JSON.parse(line) as Example }));

const parts = { train: read('train'), heldout: read('heldout') };
const all = [...parts.train, ...parts.heldout];
/** The set written to measure the next round once (dataset/README.md), when one is: kept to the same scheme, measuring nothing yet. */
const upcoming = existsSync(fileOf('next-heldout')) ? read('next-heldout') : [];
const examples = all.map(({ example }) => example);

function countBy(list: Example[], key: (e: Example) => string | string[] | null | undefined): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of list) for (const k of [key(e) ?? []].flat()) counts[k] = (counts[k] ?? 0) + 1;
  return counts;
}

const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;
const CYRILLIC = /[\u0400-\u04FF]/;

describe('the labelled set of citizen messages', () => {
  it.each([...all, ...upcoming])('$where keeps the label scheme', ({ example: e }) => {
    for (const key of Object.keys(e)) expect(KEYS.has(key), `unexpected field ${key}`).toBe(true);
    expect(typeof e.text).toBe('string');
    expect(e.text.trim()).not.toBe('');
    expect(['kk', 'ru']).toContain(e.lang);
    expect(INTENTS).toContain(e.intent);
    expect(['first', 'journey']).toContain(e.context);
    expect(e.serviceId === null || (SERVICE_IDS as readonly string[]).includes(e.serviceId)).toBe(true);
    expect(e.style.length).toBeGreaterThan(0);
    for (const style of e.style) expect(STYLES).toContain(style);
    if (e.style.includes('plain')) expect(e.style).toEqual(['plain']);

    if (e.topic !== undefined) expect(e.intent).toBe('question');
    if (e.intent === 'question') expect(TOPICS).toContain(e.topic);
    if (e.against !== undefined) {
      expect(e.intent).toBe('complaint');
      expect(AGAINST).toContain(e.against);
    }
    if (e.applicationNumber !== undefined) {
      expect(e.intent).toBe('status');
      expect(e.text).toContain(e.applicationNumber);
    }
    if (e.ambiguous !== undefined) {
      expect(e.serviceId).toBeNull();
      expect(e.ambiguous.length).toBeGreaterThanOrEqual(2);
      for (const id of e.ambiguous) expect(CITIZEN_SERVICES).toContain(id);
    }

    if (e.style.includes('one_word')) expect(e.text.trim()).not.toMatch(/\s/);
    if (e.style.includes('latin')) expect(e.text).not.toMatch(CYRILLIC);
    if (e.style.includes('no_kazakh_letters')) {
      expect(e.lang).toBe('kk');
      expect(e.text).not.toMatch(KAZAKH_LETTERS);
    }
  });

  it('has at least 600 messages, about a quarter held out, none repeated across or within the parts', () => {
    expect(all.length).toBeGreaterThanOrEqual(600);
    expect(parts.heldout.length / all.length).toBeGreaterThan(0.2);
    expect(parts.heldout.length / all.length).toBeLessThan(0.3);
    const texts = [...examples, ...upcoming.map(({ example }) => example)].map((e) => e.text.trim().toLowerCase());
    const seen = new Set<string>();
    expect(texts.filter((text) => seen.has(text) || !seen.add(text))).toEqual([]);
  });

  it('is half Kazakh, half Russian', () => {
    const { kk = 0, ru = 0 } = countBy(examples, (e) => e.lang);
    expect(Math.abs(kk - ru)).toBeLessThanOrEqual(all.length * 0.04);
  });

  it('has enough messages for every intent and every service', () => {
    const intents = countBy(examples, (e) => e.intent);
    for (const intent of INTENTS) expect(intents[intent] ?? 0, intent).toBeGreaterThanOrEqual(intent === 'unknown' ? 30 : 20);
    const services = countBy(examples, (e) => e.serviceId);
    for (const id of CITIZEN_SERVICES) expect(services[id] ?? 0, id).toBeGreaterThanOrEqual(30);
    expect(services['state-order-competition'] ?? 0).toBeGreaterThanOrEqual(6);
  });

  it('covers every intent and every citizen service in the held-out part too', () => {
    const held = parts.heldout.map(({ example }) => example);
    expect(Object.keys(countBy(held, (e) => e.intent)).sort()).toEqual([...INTENTS].sort());
    const services = countBy(held, (e) => e.serviceId);
    for (const id of CITIZEN_SERVICES) expect(services[id] ?? 0, id).toBeGreaterThan(0);
  });

  it('mixes the ways citizens write: typos, no Kazakh letters, Latin, mixed languages, one word, the level named indirectly', () => {
    const styles = countBy(examples, (e) => e.style);
    const kazakh = examples.filter((e) => e.lang === 'kk');
    expect(styles.typo ?? 0).toBeGreaterThanOrEqual(all.length * 0.15);
    expect(kazakh.filter((e) => e.style.includes('no_kazakh_letters')).length).toBeGreaterThanOrEqual(kazakh.length * 0.15);
    expect(styles.latin ?? 0).toBeGreaterThanOrEqual(40);
    for (const style of ['mixed', 'one_word', 'indirect_level']) expect(styles[style] ?? 0, style).toBeGreaterThanOrEqual(30);
    const journey = examples.filter((e) => e.context === 'journey').length;
    expect(journey / all.length).toBeGreaterThan(0.2);
  });
});
