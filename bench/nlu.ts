import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { getModel } from '../flows/nlu/model';
import { trainModel } from '../flows/nlu/model-training';
import { parse } from '../flows/nlu';
import { crossValidate, styleShiftValidate } from '../tests/nlu/cross-validate';
import { type LabelAgreement, labelAgreement } from '../tests/nlu/agreement';
import { type Evaluation, evaluate } from '../tests/nlu/evaluate';
import { readDataset } from '../tests/nlu/labelled';

export interface NluBenchResult {
  evaluation: Omit<Evaluation, 'misses'>;
  /** Held-out top-1 of first messages and of messages typed in a journey. */
  byContext: { context: 'first' | 'journey'; total: number; right: number }[];
  /** How far the held-out labels agree with the training labels of messages typed alike: a bound on top-1. */
  labels: LabelAgreement;
  /** Every labelled message (train and held-out), 5-fold: each fold parsed by a model trained without it. */
  crossValidated: Omit<Evaluation, 'misses'>;
  /** The training messages 5-fold again, each held-back message typed in every style of flows/nlu/augment.ts. */
  styleShift: { overall: Omit<Evaluation, 'misses'>; perStyle: { style: string; total: number; accuracy: number }[] };
  /** Language: right, sure, and sure but wrong, with the conversation's language the other one. */
  language: { right: number; certain: number; certainButWrong: number; total: number };
  /** The first training, in a fresh process (JIT cold). */
  trainingMs: number;
  /** The median of five more trainings. */
  warmTrainingMs: number;
  parseMedianUs: number;
  parseP99Us: number;
  /** A full garbage collection with the model in memory, median of five: it walks every object the model keeps. */
  fullCollectionMs: number;
  parses: number;
  cores: number;
  node: string;
}

/** Held-out accuracy and the time to train and to parse, in this process (the model trains at first use). */
export function nluBench(rounds = 20): NluBenchResult {
  const trainingMs = getModel().trainedInMs;
  const warm = Array.from({ length: 5 }, () => trainModel().trainedInMs).sort((a, b) => a - b);
  const warmTrainingMs = warm[2]!;
  const rows = readDataset('heldout');
  const training = readDataset('train');
  const { misses, ...evaluation } = evaluate(rows);
  const byContext = (['first', 'journey'] as const).map((context) => {
    const total = rows.filter((row) => row.context === context).length;
    return { context, total, right: total - misses.filter((miss) => miss.label.context === context).length };
  });
  const labels = labelAgreement(training, rows);
  const language = { right: 0, certain: 0, certainButWrong: 0, total: rows.length };
  for (const row of rows) {
    const parsed = parse(row.text, row.lang === 'kk' ? 'ru' : 'kk');
    if (parsed.lang === row.lang) language.right += 1;
    if (parsed.langCertain) language.certain += 1;
    if (parsed.langCertain && parsed.lang !== row.lang) language.certainButWrong += 1;
  }
  const { misses: _cvMisses, ...crossValidated } = crossValidate([...training, ...rows]);
  const shifted = styleShiftValidate(training);
  const { misses: _shiftMisses, ...shiftedOverall } = shifted.overall;
  const styleShift = { overall: shiftedOverall, perStyle: shifted.perStyle };
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const row of rows) {
      const started = process.hrtime.bigint();
      parse(row.text, row.lang, { context: row.context });
      times.push(Number(process.hrtime.bigint() - started) / 1000);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  // After the parses, so that the collection walks the model and the caches the parses filled.
  const collectionMs = fullCollectionMs();
  return {
    evaluation,
    byContext,
    labels,
    crossValidated,
    styleShift,
    language,
    trainingMs,
    warmTrainingMs,
    parseMedianUs: at(0.5),
    parseP99Us: at(0.99),
    fullCollectionMs: collectionMs,
    parses: times.length,
    cores: availableParallelism(),
    node: process.version,
  };
}

/** The median of five full garbage collections, forced. */
function fullCollectionMs(): number {
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  const times = Array.from({ length: 5 }, () => {
    const started = performance.now();
    collect();
    return performance.now() - started;
  }).sort((a, b) => a - b);
  return times[2]!;
}

export function nluReport(result: NluBenchResult): string {
  const { evaluation: e, crossValidated: cv, styleShift: shift } = result;
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const low = (x: Omit<Evaluation, 'misses'>) =>
    `${x.lowConfidence.count} (${pct(x.lowConfidence.rate)}) below LOW_CONFIDENCE, of them wrong ${x.lowConfidence.wrongAmongLow}; of all ${x.total - x.right} wrong, ${x.lowConfidence.wrongAmongLow} flagged, and ${x.lowConfidence.rescuedByAlternatives} of the flagged wrong ones had the right answer among the two alternatives; right among the confident: ${x.lowConfidence.rightAmongHigh}/${x.total - x.lowConfidence.count}`;
  const perIntent = (x: Omit<Evaluation, 'misses'>) => [
    '| intent | count | precision | recall |',
    '| --- | ---: | ---: | ---: |',
    ...x.perIntent.map((f) => `| ${f.intent} | ${f.count} | ${pct(f.precision)} | ${pct(f.recall)} |`),
  ];
  return [
    `## Understanding typed messages (${result.cores} cores, Node ${result.node}, ${e.total} held-out messages, ${result.parses} parses)`,
    '',
    `Every labelled message, 5-fold (each fold parsed by a model trained without it, with the context of its label): top-1 (intent, and the service where labelled) **${pct(cv.accuracy)}** (${cv.right}/${cv.total}); ${low(cv)}.`,
    '',
    ...perIntent(cv),
    '',
    `Style shift, the training messages 5-fold with each held-back one typed in every style (no Kazakh letters, 2021 and chat Latin, 1-2 typos, two words swapped, a polite opening, a word of the other language): top-1 **${pct(shift.overall.accuracy)}** (${shift.overall.right}/${shift.overall.total}); ${shift.perStyle.map((s) => `${s.style} ${pct(s.accuracy)}`).join(', ')}.`,
    '',
    ...perIntent(shift.overall),
    '',
    'Services confused, 5-fold (right intent, wrong service; label → parsed):',
    '',
    ...(cv.confusedServices.length ? cv.confusedServices.map((c) => `- ${c.expected} → ${c.got}: ${c.count}`) : ['- none']),
    '',
    `Held-out (never used for tuning): top-1 ${pct(e.accuracy)} (${e.right}/${e.total}); target ≥ 95 %.`,
    '',
    ...perIntent(e),
    '',
    `By where it was typed: ${result.byContext.map((c) => `${c.context === 'first' ? 'first messages' : 'in a journey'} ${pct(c.right / c.total)} (${c.right}/${c.total})`).join(', ')}.`,
    '',
    `The labels' own agreement: of the ${result.labels.shared} held-out messages typed like a training message (the same words once folded, in the same place), ${result.labels.agreeing} (${pct(result.labels.agreeing / result.labels.shared)}) carry the label most of those training messages carry — no parse that learns the training labels scores higher on them. Commonest disagreements (training → held-out):`,
    '',
    ...result.labels.disagreements.map((d) => `- ${d.training} → ${d.heldout}: ${d.count} ("${d.example}")`),
    '',
    'Services confused (right intent, wrong service; label → parsed):',
    '',
    ...(e.confusedServices.length ? e.confusedServices.map((c) => `- ${c.expected} → ${c.got}: ${c.count}`) : ['- none']),
    '',
    `Confidence, held out: ${low(e)}.`,
    '',
    `Language, with the conversation's language the other one: right ${result.language.right}/${result.language.total}; sure ${result.language.certain}, of them wrong ${result.language.certainButWrong}.`,
    '',
    `Training: ${result.trainingMs.toFixed(1)} ms the first time in a fresh process, ${result.warmTrainingMs.toFixed(1)} ms after (median of 5). Parse: median ${result.parseMedianUs.toFixed(0)} µs, p99 ${result.parseP99Us.toFixed(0)} µs. A full garbage collection with the model in memory: ${result.fullCollectionMs.toFixed(0)} ms.`,
  ].join('\n');
}
