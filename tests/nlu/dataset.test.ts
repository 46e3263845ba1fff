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

/** What is wrong with one line by the label scheme of dataset/README.md: nothing when it keeps it. */
function schemeFaults(e: Example): string[] {
  const faults: string[] = [];
  const want = (holds: boolean, fault: string) => {
    if (!holds) faults.push(fault);
  };
  for (const key of Object.keys(e)) want(KEYS.has(key), `unexpected field ${key}`);
  want(typeof e.text === 'string' && e.text.trim() !== '', 'text is empty');
  want(['kk', 'ru'].includes(e.lang), `lang ${e.lang}`);
  want((INTENTS as readonly string[]).includes(e.intent), `intent ${e.intent}`);
  want(['first', 'journey'].includes(e.context), `context ${e.context}`);
  want(e.serviceId === null || (SERVICE_IDS as readonly string[]).includes(e.serviceId), `serviceId ${e.serviceId}`);
  want(Array.isArray(e.style) && e.style.length > 0, 'no style');
  const styles = Array.isArray(e.style) ? e.style : [];
  for (const style of styles) want((STYLES as readonly string[]).includes(style), `style ${style}`);
  if (styles.includes('plain')) want(styles.length === 1, "'plain' beside another style");

  if (e.topic !== undefined) want(e.intent === 'question', 'a topic on an intent other than question');
  if (e.intent === 'question') want((TOPICS as readonly (string | undefined)[]).includes(e.topic), `topic ${e.topic}`);
  if (e.against !== undefined) {
    want(e.intent === 'complaint', "'against' on an intent other than complaint");
    want((AGAINST as readonly string[]).includes(e.against), `against ${e.against}`);
  }
  if (e.applicationNumber !== undefined) {
    want(e.intent === 'status', 'an application number on an intent other than status');
    want(e.text.includes(e.applicationNumber), 'the application number is not in the text');
  }
  if (e.ambiguous !== undefined) {
    want(e.serviceId === null, "'ambiguous' beside a service");
    want(e.ambiguous.length >= 2, "'ambiguous' names fewer than two services");
    for (const id of e.ambiguous) want((CITIZEN_SERVICES as readonly string[]).includes(id), `ambiguous ${id}`);
  }

  if (styles.includes('one_word')) want(!/\s/.test(e.text.trim()), "'one_word' with a space");
  if (styles.includes('latin')) want(!CYRILLIC.test(e.text), "'latin' with Cyrillic letters");
  if (styles.includes('no_kazakh_letters')) {
    want(e.lang === 'kk', "'no_kazakh_letters' on a Russian message");
    want(!KAZAKH_LETTERS.test(e.text), "'no_kazakh_letters' with Kazakh letters");
  }
  return faults;
}

describe('the labelled set of citizen messages', () => {
  it.each(['train', 'heldout', 'next-heldout'] as const)('%s.jsonl keeps the label scheme on every line', (part) => {
    const lines = part === 'next-heldout' ? upcoming : parts[part];
    const faults = lines.flatMap(({ where, example }) => schemeFaults(example).map((fault) => `${where}: ${fault}`));
    expect(faults).toEqual([]);
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
