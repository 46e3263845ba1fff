/**
 * `node --import tsx scripts/retire-heldout.ts`: ends a round of the understanding of typed text
 * (tests/nlu/dataset/README.md). The held-out set, measured, joins the training part: each message
 * is appended to train.jsonl and put first into the phrase file of its label, and the set written for
 * the next round (next-heldout.jsonl) becomes the held-out set.
 *
 * Where a message goes: a request for a service into that service's `requests`; another message
 * about a service into its `about`; a request several services fit into the ambiguous group of
 * exactly those services (else the general requests); a question into its topic, a complaint into
 * whom it is against (or `general`), anything else into its intent's file.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Labelled, sameServices } from '../tests/nlu/labelled';

/** What of a labelled message says where its phrase goes. */
export type LabelledMessage = Pick<Labelled, 'text' | 'lang' | 'intent' | 'serviceId' | 'topic' | 'against' | 'ambiguous'>;

/** Where in the project a message's phrase goes: the file, and the list in it. */
export interface Place {
  file: string;
  /** The line that starts the list's section (`  requests: {`, `  fee: {`; the nth such line), or none for an intent file's top level. */
  section?: { pattern: RegExp; nth?: number };
  /** `about` entries are objects; every other list holds strings, one per language. */
  kind: 'lang' | 'about';
}

const INTENT_FILES: Record<string, string> = {
  greeting: 'greeting',
  thanks: 'thanks',
  menu: 'menu',
  language: 'language',
  operator: 'operator',
  home_visit: 'home-visit',
  status: 'status',
  unknown: 'unknown',
  checklist: 'checklist',
};
const ABOUT_A_SERVICE = new Set(['question', 'complaint', 'status', 'home_visit']);

/** Where a labelled message's phrase belongs; `groups` are the ambiguous groups' services, in the file's order. */
export function placeOf(message: LabelledMessage, groups: readonly (readonly string[])[]): Place {
  const { intent, serviceId } = message;
  if (intent === 'checklist' && serviceId) return { file: `flows/catalog/services/${serviceId}.phrases.ts`, section: { pattern: /^ {2}requests: \{$/ }, kind: 'lang' };
  if (intent === 'checklist' && message.ambiguous) {
    const index = groups.findIndex((group) => sameServices(group, message.ambiguous!));
    if (index >= 0) return { file: 'flows/nlu/phrases/ambiguous.ts', section: { pattern: /^\s*services: \[/, nth: index }, kind: 'lang' };
  }
  if (ABOUT_A_SERVICE.has(intent) && serviceId) return { file: `flows/catalog/services/${serviceId}.phrases.ts`, kind: 'about' };
  if (intent === 'question') return { file: 'flows/nlu/phrases/question.ts', section: sectionStart(message.topic!), kind: 'lang' };
  if (intent === 'complaint') return { file: 'flows/nlu/phrases/complaint.ts', section: sectionStart(message.against ?? 'general'), kind: 'lang' };
  return { file: `flows/nlu/phrases/${INTENT_FILES[intent]}.ts`, kind: 'lang' };
}

/** The ambiguous groups' services, in the order ambiguous.ts lists them. */
export function groupsIn(ambiguousSource: string): string[][] {
  return [...ambiguousSource.matchAll(/^\s*services: \[(.*)\],$/gm)].map((match) => match[1]!.split(',').map((id) => id.trim().replace(/^'|'$/g, '')));
}

/**
 * The source with the message's phrase put first in its list, or unchanged when the list holds it
 * already, indented as its neighbours (the formatter, run after, wraps a long entry and picks the quotes).
 */
export function withPhrase(source: string, place: Place, message: LabelledMessage): string {
  const lines = source.split('\n');
  return putPhrases(lines, place.file, [{ place, message }]) > 0 ? lines.join('\n') : source;
}

/**
 * Puts the messages' phrases into the lines of one file, each first in its list as `withPhrase` would
 * one after another (the last message ends up first), skipping those the list holds already; returns
 * how many it put. Each list is found and read once, however many messages go into it: a file of
 * megabytes is not split and joined again per message.
 */
function putPhrases(lines: string[], file: string, items: readonly { place: Place; message: LabelledMessage }[]): number {
  const byList = new Map<string, { place: Place; lang: string; messages: LabelledMessage[] }>();
  for (const { place, message } of items) {
    const lang = place.kind === 'about' ? '' : message.lang;
    const key = `${place.kind}|${place.section?.pattern.source ?? ''}|${place.section?.nth ?? 0}|${lang}`;
    const list = byList.get(key) ?? { place, lang, messages: [] };
    list.messages.push(message);
    byList.set(key, list);
  }
  let placed = 0;
  for (const { place, lang, messages } of byList.values()) {
    const entries = messages.map((message) => (place.kind === 'about' ? aboutEntry(message) : `${literal(message.text)},`));
    const { at, indent, held } = place.kind === 'about' ? aboutList(lines) : langList(lines, place, lang, file);
    const fresh: string[] = [];
    for (const entry of entries.reverse()) {
      if (held.has(entry)) continue;
      held.add(entry);
      fresh.push(`${indent}${entry}`);
    }
    lines.splice(at, 0, ...fresh);
    placed += fresh.length;
  }
  return placed;
}

function aboutEntry(message: LabelledMessage): string {
  return `{ ${[`text: ${literal(message.text)}`, `intent: '${message.intent}'`, ...(message.topic ? [`topic: '${message.topic}'`] : []), ...(message.against ? [`against: '${message.against}'`] : [])].join(', ')} },`;
}

/** Where a service's `about` list takes a new first entry (made when missing), and the entries it holds. */
function aboutList(lines: string[]): { at: number; indent: string; held: Set<string> } {
  let open = lines.indexOf('  about: [');
  if (open < 0) {
    open = lines.lastIndexOf('};');
    lines.splice(open, 0, '  about: [', '  ],');
  }
  return { at: open + 1, indent: '    ', held: new Set(lines.map((line) => line.trim())) };
}

/** Where a language's list of phrases (in the place's section) takes a new first phrase, and the phrases it holds. */
function langList(lines: readonly string[], place: Place, lang: string, file: string): { at: number; indent: string; held: Set<string> } {
  const start = place.section ? findLine(lines, place.section.pattern, 0, file, place.section.nth) : 0;
  const open = findLine(lines, new RegExp(`^\\s*${lang}: \\[$`), start, file);
  const held = new Set<string>();
  for (let i = open + 1; i < lines.length && !/^\s*\],?$/.test(lines[i]!); i++) held.add(lines[i]!.trim());
  return { at: open + 1, indent: `${lines[open]!.match(/^\s*/)![0]}  `, held };
}

/** A single-quoted TypeScript string of the text: a message typed on several lines stays one string ("вопрос по аттестату\nпотерян"). */
function literal(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n').replaceAll('\r', '\\r').replaceAll('\t', '\\t')}'`;
}

function sectionStart(key: string): Place['section'] {
  return { pattern: new RegExp(`^ {2}'?${key}'?: \\{$`) };
}

/** The nth line (from 0) at or after `from` that matches. */
function findLine(lines: readonly string[], pattern: RegExp, from: number, file: string, nth = 0): number {
  let seen = 0;
  for (let i = from; i < lines.length; i++) if (pattern.test(lines[i]!) && seen++ === nth) return i;
  throw new Error(`${file}: no line matching ${pattern}`);
}

/** The least part of all labelled messages the held-out set must be (tests/nlu/dataset.test.ts wants more than this). */
const MIN_HELDOUT_SHARE = 0.2;

/** The lines of a JSONL file's text that hold a message. */
const messageLines = (jsonl: string) => jsonl.split('\n').filter((line) => line.trim());

/**
 * Retires the held-out set of the project at `root`: how many phrases were put in, how many were
 * there already, and the files changed. Refused, with nothing changed, while no set is written for
 * the next round (a round without a held-out set would measure nothing), or while it is too small to
 * stay over a fifth of all labelled messages once the present set has joined the training part.
 */

export function retireHeldout(root: URL): { placed: number; present: number; files: string[] } {
  const dataset = new URL('tests/nlu/dataset/', root);
  const next = new URL('next-heldout.jsonl', dataset);
  if (!existsSync(next)) throw new Error(`${fileURLToPath(next)} is missing: write the set for the next round before retiring the present one (tests/nlu/dataset/README.md)`);
  const heldout = readFileSync(new URL('heldout.jsonl', dataset), 'utf8');
  const messages = messageLines(heldout).map((line) => JSON.parse(line) as LabelledMessage);
  const training = messageLines(readFileSync(new URL('train.jsonl', dataset), 'utf8')).length + messages.length;
  const upcoming = messageLines(readFileSync(next, 'utf8')).length;
  const needed = Math.floor(training * (MIN_HELDOUT_SHARE / (1 - MIN_HELDOUT_SHARE))) + 1;
  if (upcoming < needed) throw new Error(`${fileURLToPath(next)} holds ${upcoming} messages: the next round's set needs at least ${needed} to stay over a fifth of all labelled ones`);
  const groups = groupsIn(readFileSync(new URL('flows/nlu/phrases/ambiguous.ts', root), 'utf8'));
  const byFile = new Map<string, { place: Place; message: LabelledMessage }[]>();
  for (const message of messages) {
    const place = placeOf(message, groups);
    const items = byFile.get(place.file) ?? [];
    items.push({ place, message });
    byFile.set(place.file, items);
  }
  let placed = 0;
  for (const [file, items] of byFile) {
    const lines = readFileSync(new URL(file, root), 'utf8').split('\n');
    placed += putPhrases(lines, file, items);
    writeFileSync(new URL(file, root), lines.join('\n'));
  }
  appendFileSync(new URL('train.jsonl', dataset), heldout.endsWith('\n') ? heldout : `${heldout}\n`);
  renameSync(next, new URL('heldout.jsonl', dataset));
  return { placed, present: messages.length - placed, files: [...byFile.keys()] };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('../', import.meta.url);
  const { placed, present, files } = retireHeldout(root);
  execFileSync(fileURLToPath(new URL('node_modules/.bin/biome', root)), ['format', '--write', ...files], { cwd: fileURLToPath(root), stdio: 'ignore' });
  console.log(`${placed} phrases put in, ${present} there already; the held-out set is now next-heldout.jsonl's, to be measured once.`);
}
