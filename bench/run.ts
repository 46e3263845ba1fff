import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { startRedisServer } from '../tests/support/redis-server';
import { nluBench, nluReport } from './nlu';
import { operatorQueueBench, type QueueBenchResult } from './operator-queue';
import { type PushBenchResult, statusPushBench } from './status-push';
import { engineTurns, grammyEchoTurns, type TurnsResult } from './turns';

/**
 * `npm run bench`: prints the figures as a markdown table with the machine's core count, and
 * writes them to bench/results/. Ratios are taken within one run: these machines are shared.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
/** `BENCH=turns`, `BENCH=queue`, `BENCH=push` or `BENCH=nlu` runs one of them; all by default. */
const only = process.env.BENCH;
/** Status notifications the push bench drains: at 30 a second, 3 000 take 100 s. */
const pushMessages = Number(process.env.BENCH_PUSH_MESSAGES ?? 3000);

async function main(): Promise<void> {
  if (!only || only === 'turns') await turnsBench();
  if (!only || only === 'queue') await queueBench();
  if (!only || only === 'push') await pushBench();
  if (!only || only === 'nlu') nluBenchReport();
}

function nluBenchReport(): void {
  const result = nluBench();
  console.log(nluReport(result));
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/nlu.json', import.meta.url), JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2));
}

async function pushBench(): Promise<void> {
  const redis = await startRedisServer();
  let result: PushBenchResult;
  try {
    result = await statusPushBench(redis.url, pushMessages);
  } finally {
    await redis.stop();
  }
  const cores = cpus().length;
  const ratio = result.drainRate / result.limit;
  console.log(
    [
      `## Status push to Telegram (${cores} cores, Node ${process.version}, ${result.messages} notifications to ${result.chats} chats, the product's default limits)`,
      '',
      "Drained from the outbox to a fake Bot API over HTTP on 127.0.0.1 at 30 messages a second overall and 1 a second per chat; three notifications per chat, which a chat's burst of 3 lets through, so only the overall limit binds.",
      '',
      '| messages | drained in s | drain rate msg/s | ratio to 30/s | most in any 1 s | most to one chat in any 1 s | sent twice | target |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      `| ${result.messages} | ${result.seconds.toFixed(1)} | ${result.drainRate.toFixed(2)} | ${ratio.toFixed(3)} | ${result.mostInASecond} | ${result.mostInASecondPerChat} | ${result.duplicates} | ratio ≥ 0.95 |`,
    ].join('\n'),
  );
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/status-push.json', import.meta.url), JSON.stringify({ cores, node: process.version, at: new Date().toISOString(), ...result, ratio }, null, 2));
}

/** A steady load (the target) and a peak at twice the rate (for information). */
const LISTING_RATES = [50, 100];
/** Runs per load; the one with the median listing p99 is reported, with all three p99s beside it. */
const QUEUE_RUNS = 3;

async function queueBench(): Promise<void> {
  const byRate: QueueBenchResult[][] = [];
  for (const rate of LISTING_RATES) {
    const runs: QueueBenchResult[] = [];
    for (let run = 0; run < QUEUE_RUNS; run++) {
      const redis = await startRedisServer(); // a fresh queue for each run
      try {
        runs.push(await operatorQueueBench(redis.url, seconds * 2, rate));
      } finally {
        await redis.stop();
      }
    }
    byRate.push(runs.sort((a, b) => a.listingP99 - b.listingP99));
  }
  const cores = cpus().length;
  const ms = (n: number) => n.toFixed(1);
  const first = byRate[0]![0]!;
  console.log(
    [
      `## Operator queue (${cores} cores, Node ${process.version}, ${seconds * 2} s per run, median of ${QUEUE_RUNS} runs)`,
      '',
      `${first.conversations} open conversations in the queue, ${first.consoles} consoles on the event stream, 5 take-overs (and hand-backs) a second; the load runs in its own process.`,
      '',
      '| listings/s | GET ?owner=queue p50 ms | p99 ms | p99 of each run | take-over → event on every stream p50 ms | p99 ms | target |',
      '| ---: | ---: | ---: | --- | ---: | ---: | --- |',
      ...byRate.map((runs, i) => {
        const median = runs[Math.floor(runs.length / 2)]!;
        const each = runs.map((r) => ms(r.listingP99)).join(', ');
        return `| ${median.listingRate} | ${ms(median.listingP50)} | ${ms(median.listingP99)} | ${each} | ${ms(median.eventP50)} | ${ms(median.eventP99)} | ${i === 0 ? 'listing p99 ≤ 20 ms' : 'peak, for information'} |`;
      }),
    ].join('\n'),
  );
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/operator-queue.json', import.meta.url), JSON.stringify({ cores, node: process.version, at: new Date().toISOString(), runs: byRate.flat() }, null, 2));
}

async function turnsBench(): Promise<void> {
  const redis = await startRedisServer();
  const results: TurnsResult[] = [];
  try {
    // Alternate the two so that neither always runs on a warmer or a quieter machine.
    const engineRuns: TurnsResult[] = [];
    const echoRuns: TurnsResult[] = [];
    for (let round = 0; round < 2; round++) {
      engineRuns.push(await engineTurns(redis.url, seconds));
      echoRuns.push(await grammyEchoTurns(redis.url, seconds));
    }
    const best = (runs: TurnsResult[]) => runs.reduce((a, b) => (b.turnsPerSecond > a.turnsPerSecond ? b : a));
    results.push(best(engineRuns), best(echoRuns));
  } finally {
    await redis.stop();
  }
  const [engine, echo] = results as [TurnsResult, TurnsResult];
  const ratio = engine.turnsPerSecond / echo.turnsPerSecond;
  const cores = cpus().length;
  const lines = [
    `## Turns through Redis (${cores} cores, Node ${process.version}, ${seconds} s per run, best of 2)`,
    '',
    '| bench | turns/s | turns | target |',
    '| --- | ---: | ---: | --- |',
    `| ${engine.name} | ${engine.turnsPerSecond.toFixed(0)} | ${engine.turns} | ≥ 3000 |`,
    `| ${echo.name} | ${echo.turnsPerSecond.toFixed(0)} | ${echo.turns} | |`,
    `| ratio engine / echo | ${ratio.toFixed(2)} | | ≥ 0.6 |`,
  ];
  console.log(lines.join('\n'));
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/turns.json', import.meta.url), JSON.stringify({ cores, node: process.version, at: new Date().toISOString(), results, ratio }, null, 2));
}

void main();
