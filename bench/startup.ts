import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { buildProduct } from '../scripts/build';
import { freePort } from '../tests/support/redis-server';

/**
 * Start-up of the built product (`npm start` after its build): from spawning what `npm start` runs
 * (`node --max-semi-space-size=64 dist/main.mjs`) to the first 200 from /health, against an empty
 * Node process started the same way; and the browser scripts' bytes on the wire as the built
 * product sends them.
 */

export interface StartupResult {
  /** Milliseconds, each run. */
  product: number[];
  /** CPU milliseconds the product's process used until /health answered, each run: on a shared machine the wall clock also counts others' work. */
  productCpu: number[];
  emptyNode: number[];
  productMedian: number;
  productCpuMedian: number;
  emptyNodeMedian: number;
  scripts: Array<{ name: string; bytes: number; gzip: number; br: number }>;
}

const root = fileURLToPath(new URL('..', import.meta.url));
/** What `npm start` runs after its build: Node's flags and the bundle, from package.json's script. */
const startArgs: string[] = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  .scripts.start.split(' ')
  .slice(1);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function untilHealthy(url: string, child: ReturnType<typeof spawn>): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** User and system CPU time a process has used so far, in ms (Linux's /proc; 10 ms ticks). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** One start of the product, in ms to /health, and the CPU ms it used; the process is stopped after. */
async function startOnce(): Promise<{ wall: number; cpu: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, startArgs, { cwd: root, env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' }, stdio: 'ignore' });
  try {
    await untilHealthy(`http://127.0.0.1:${port}/health`, child);
    const wall = performance.now() - started;
    return { wall, cpu: cpuMs(child.pid!) };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

/** An empty Node process, started and ended: the floor under any start-up. */
async function emptyNodeOnce(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((r) => child.once('exit', r));
  return performance.now() - started;
}

/** What the built server sends for a script to a browser that takes gzip, or br. */
async function onTheWire(name: string): Promise<{ name: string; bytes: number; gzip: number; br: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, startArgs, { cwd: root, env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' }, stdio: 'ignore' });
  try {
    await untilHealthy(`http://127.0.0.1:${port}/health`, child);
    // fetch() would decode the body: the sizes are taken from raw responses.
    const size = async (encoding: string) => {
      return new Promise<number>((resolve, reject) => {
        request(`http://127.0.0.1:${port}/${name}`, { headers: { 'accept-encoding': encoding } }, (response) => {
          let bytes = 0;
          response.on('data', (chunk: Buffer) => (bytes += chunk.length));
          response.on('end', () => resolve(bytes));
        })
          .on('error', reject)
          .end();
      });
    };
    return { name, bytes: await size('identity'), gzip: await size('gzip'), br: await size('br') };
  } finally {
    child.kill('SIGTERM');
  }
}

export async function startupBench(runs = 5): Promise<StartupResult> {
  await buildProduct();
  const product: number[] = [];
  const productCpu: number[] = [];
  const emptyNode: number[] = [];
  await startOnce(); // the first start reads every file from disk; the others find them cached, as a restart would
  for (let i = 0; i < runs; i++) {
    const { wall, cpu } = await startOnce();
    product.push(wall);
    productCpu.push(cpu);
    emptyNode.push(await emptyNodeOnce());
  }
  const scripts = [];
  for (const name of ['widget.js', 'operator.js']) scripts.push(await onTheWire(name));
  return { product, productCpu, emptyNode, productMedian: median(product), productCpuMedian: median(productCpu), emptyNodeMedian: median(emptyNode), scripts };
}
