import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { startRedisServer } from '../tests/support/redis-server';
import { engineTurns, grammyEchoTurns, type TurnsResult } from './turns';

/**
 * `npm run bench`: prints the figures as a markdown table with the machine's core count, and
 * writes them to bench/results/. Ratios are taken within one run: these machines are shared.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 5);

async function main(): Promise<void> {
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
