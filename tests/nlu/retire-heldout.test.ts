import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { groupsIn, type LabelledMessage, placeOf, retireHeldout, withPhrase } from '../../scripts/retire-heldout';

/** A service's phrase file, an intent file, a file by topic and the ambiguous groups, as small as they come. */
const SERVICE = `export const dormitoryPhrases: ServicePhrases = {
  names: {
    kk: ['жатақхана'],
    ru: ['общага'],
  },
  requests: {
    kk: [
      'жатақхана керек',
    ],
    ru: [
      'нужна общага',
    ],
  },
};`;
const TOPICS = `export const questionPhrases = {
  fee: {
    kk: [
      'тегін бе',
    ],
    ru: [
      'сколько стоит',
    ],
  },
  missing_document: {
    kk: [
      'куәлік жоқ болса',
    ],
    ru: [
      'а если нет удостоверения',
    ],
  },
};`;
const GROUPS = `export const AMBIGUOUS_GROUPS = [
  {
    services: ['duplicate-school', 'duplicate-tvet', 'duplicate-higher'],
    phrases: {
      kk: [
        'телнұсқа керек',
      ],
      ru: [
        'нужен дубликат',
      ],
    },
  },
  {
    services: ['duplicate-tvet', 'duplicate-higher'],
    phrases: {
      kk: [
        'диплом жоғалды',
      ],
      ru: [
        'потерял диплом',
      ],
    },
  },
];`;

const message = (fields: Partial<LabelledMessage> & Pick<LabelledMessage, 'text' | 'intent'>): LabelledMessage => ({ lang: 'ru', serviceId: null, ...fields });
const groups = groupsIn(GROUPS);

describe('retiring the held-out set into the phrase files', () => {
  it('puts a request first in its service’s requests of its language, quotes escaped', () => {
    const request = message({ text: "общага нужна, я из Аральска, 'срочно'", intent: 'checklist', serviceId: 'dormitory' });
    const place = placeOf(request, groups);
    expect(place.file).toBe('flows/catalog/services/dormitory.phrases.ts');
    const lines = withPhrase(SERVICE, place, request).split('\n');
    expect(lines.slice(9, 12)).toEqual(['    ru: [', "      'общага нужна, я из Аральска, \\'срочно\\'',", "      'нужна общага',"]);
  });

  it('keeps a message typed on several lines one string in the phrase file', () => {
    const request = message({ text: 'общага нужна\nя из Аральска', intent: 'checklist', serviceId: 'dormitory' });
    const lines = withPhrase(SERVICE, placeOf(request, groups), request).split('\n');
    expect(lines.slice(9, 12)).toEqual(['    ru: [', "      'общага нужна\\nя из Аральска',", "      'нужна общага',"]);
  });

  it('puts another message about a service into its about list, made when missing, with what it means', () => {
    const question = message({ text: 'общага платная?', intent: 'question', serviceId: 'dormitory', topic: 'fee' });
    const changed = withPhrase(SERVICE, placeOf(question, groups), question);
    expect(changed.split('\n').slice(-4)).toEqual(['  about: [', "    { text: 'общага платная?', intent: 'question', topic: 'fee' },", '  ],', '};']);
    const complaint = message({ text: 'в общаге отказали незаконно', intent: 'complaint', serviceId: 'dormitory', against: 'provider' });
    expect(withPhrase(changed, placeOf(complaint, groups), complaint).split('\n').slice(-5, -3)).toEqual([
      '  about: [',
      "    { text: 'в общаге отказали незаконно', intent: 'complaint', against: 'provider' },",
    ]);
  });

  it('puts a question without a service into its topic, in its language', () => {
    const question = message({ text: 'а если нет прописки?', intent: 'question', topic: 'missing_document' });
    expect(placeOf(question, groups).file).toBe('flows/nlu/phrases/question.ts');
    const lines = withPhrase(TOPICS, placeOf(question, groups), question).split('\n');
    expect(lines.slice(13, 16)).toEqual(['    ru: [', "      'а если нет прописки?',", "      'а если нет удостоверения',"]);
  });

  it('puts a request several services fit into the group of exactly those, and leaves a phrase already there alone', () => {
    const diploma = message({ text: 'диплом пропал', intent: 'checklist', ambiguous: ['duplicate-higher', 'duplicate-tvet'] });
    const lines = withPhrase(GROUPS, placeOf(diploma, groups), diploma).split('\n');
    expect(lines.slice(18, 21)).toEqual(['      ru: [', "        'диплом пропал',", "        'потерял диплом',"]);
    const again = message({ text: 'потерял диплом', intent: 'checklist', ambiguous: ['duplicate-tvet', 'duplicate-higher'] });
    expect(withPhrase(GROUPS, placeOf(again, groups), again)).toBe(GROUPS);
    // no group of these services: the general requests
    expect(placeOf(message({ text: 'общага и питание', intent: 'checklist', ambiguous: ['dormitory', 'free-meals'] }), groups).file).toBe('flows/nlu/phrases/checklist.ts');
  });

  it('puts a complaint without a service under whom it is against, or general', () => {
    expect(placeOf(message({ text: 'в ЦОНе нагрубили', intent: 'complaint', against: 'state_corporation' }), groups)).toMatchObject({
      file: 'flows/nlu/phrases/complaint.ts',
      section: { pattern: /^ {2}'?state_corporation'?: \{$/ },
    });
    expect(placeOf(message({ text: 'хочу пожаловаться', intent: 'complaint' }), groups).section!.pattern.test('  general: {')).toBe(true);
    expect(placeOf(message({ text: 'рахмет', intent: 'thanks', lang: 'kk' }), groups).file).toBe('flows/nlu/phrases/thanks.ts');
  });

  it('retires a whole set: each phrase first in its list (the last message first), those already there once, train.jsonl appended, the next set held out', () => {
    const root = mkdtempSync(join(tmpdir(), 'retire-'));
    try {
      const dataset = join(root, 'tests/nlu/dataset');
      mkdirSync(dataset, { recursive: true });
      mkdirSync(join(root, 'flows/nlu/phrases'), { recursive: true });
      mkdirSync(join(root, 'flows/catalog/services'), { recursive: true });
      writeFileSync(join(root, 'flows/nlu/phrases/ambiguous.ts'), GROUPS);
      writeFileSync(join(root, 'flows/nlu/phrases/question.ts'), TOPICS);
      writeFileSync(join(root, 'flows/catalog/services/dormitory.phrases.ts'), SERVICE);
      const line = (fields: Record<string, unknown>) => `${JSON.stringify({ lang: 'ru', serviceId: null, ...fields })}\n`;
      const heldout = [
        line({ text: 'место в общаге', intent: 'checklist', serviceId: 'dormitory' }),
        line({ text: 'нужна общага', intent: 'checklist', serviceId: 'dormitory' }),
        line({ text: 'сколько стоит', intent: 'question', topic: 'fee' }),
        line({ text: 'общежитие для сына', intent: 'checklist', serviceId: 'dormitory' }),
        line({ text: 'а по времени сколько', intent: 'question', topic: 'fee' }),
        line({ text: 'потеряла диплом', intent: 'checklist', ambiguous: ['duplicate-tvet', 'duplicate-higher'] }),
      ].join('');
      const next = ['общага бар ма', 'жатақхана қажет'].map((text) => line({ text, intent: 'checklist', serviceId: 'dormitory' })).join('');
      writeFileSync(join(dataset, 'heldout.jsonl'), heldout);
      writeFileSync(join(dataset, 'train.jsonl'), '');
      writeFileSync(join(dataset, 'next-heldout.jsonl'), next);

      expect(retireHeldout(pathToFileURL(`${root}/`))).toMatchObject({ placed: 4, present: 2 });
      const ruList = (file: string, from: string) => {
        const lines = readFileSync(join(root, file), 'utf8').split('\n');
        const open = lines.findIndex((l, i) => i > lines.indexOf(from) && l.trim() === 'ru: [');
        return lines
          .slice(
            open + 1,
            lines.findIndex((l, i) => i > open && l.trim().startsWith(']')),
          )
          .map((l) => l.trim());
      };
      expect(ruList('flows/catalog/services/dormitory.phrases.ts', '  requests: {')).toEqual(["'общежитие для сына',", "'место в общаге',", "'нужна общага',"]);
      expect(ruList('flows/nlu/phrases/question.ts', '  fee: {')).toEqual(["'а по времени сколько',", "'сколько стоит',"]);
      expect(ruList('flows/nlu/phrases/ambiguous.ts', "    services: ['duplicate-tvet', 'duplicate-higher'],")).toEqual(["'потеряла диплом',", "'потерял диплом',"]);
      expect(readFileSync(join(dataset, 'train.jsonl'), 'utf8')).toBe(heldout);
      expect(readFileSync(join(dataset, 'heldout.jsonl'), 'utf8')).toBe(next);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses, changing nothing, while the set for the next round would be a fifth of all labelled messages or less', () => {
    const root = mkdtempSync(join(tmpdir(), 'retire-'));
    try {
      const dataset = join(root, 'tests/nlu/dataset');
      mkdirSync(dataset, { recursive: true });
      const line = (text: string) => `${JSON.stringify({ text, lang: 'ru', intent: 'checklist', serviceId: 'dormitory' })}\n`;
      const heldout = line('общага нужна');
      const train = ['место в общаге', 'жатақхана керек', 'общежитие для сына'].map(line).join('');
      writeFileSync(join(dataset, 'heldout.jsonl'), heldout);
      writeFileSync(join(dataset, 'train.jsonl'), train);
      // four training messages once the present set retires: one more is exactly a fifth, not more
      writeFileSync(join(dataset, 'next-heldout.jsonl'), line('общага бар ма'));
      expect(() => retireHeldout(pathToFileURL(`${root}/`))).toThrow(/holds 1 messages: the next round's set needs at least 2/);
      expect(readFileSync(join(dataset, 'heldout.jsonl'), 'utf8')).toBe(heldout);
      expect(readFileSync(join(dataset, 'train.jsonl'), 'utf8')).toBe(train);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses, changing nothing, while no set is written for the next round', () => {
    const root = mkdtempSync(join(tmpdir(), 'retire-'));
    try {
      const dataset = join(root, 'tests/nlu/dataset');
      mkdirSync(dataset, { recursive: true });
      const heldout = `${JSON.stringify({ text: 'общага нужна', lang: 'ru', intent: 'checklist', serviceId: 'dormitory' })}\n`;
      writeFileSync(join(dataset, 'heldout.jsonl'), heldout);
      writeFileSync(join(dataset, 'train.jsonl'), '');
      expect(() => retireHeldout(pathToFileURL(`${root}/`))).toThrow(/next-heldout\.jsonl is missing/);
      expect(readFileSync(join(dataset, 'heldout.jsonl'), 'utf8')).toBe(heldout);
      expect(readFileSync(join(dataset, 'train.jsonl'), 'utf8')).toBe('');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
