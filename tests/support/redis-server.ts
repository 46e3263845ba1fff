import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RedisServer {
  url: string;
  port: number;
  /** Where it keeps its files (its append-only file when it persists). */
  dir: string;
  stop(): Promise<void>;
  /** Ends it at once (SIGKILL), as a crash would; a persisting server's data is on disk. */
  kill(): Promise<void>;
  /** Freezes it (SIGSTOP): connections stay open, nothing is read or answered, as a server stuck on a slow disk. */
  freeze(): void;
  /** Lets a frozen server go on (SIGCONT). */
  thaw(): void;
}

export interface RedisServerOptions {
  /** A port to listen on (the one a killed server had, to bring it back); a free one when omitted. */
  port?: number;
  /** A directory to keep its files in, kept after stop; a fresh one, removed after stop, when omitted. */
  dir?: string;
  /** Writes every change to an append-only file before answering, so a killed server comes back with it. */
  persist?: boolean;
  /** More options for redis-server, e.g. `--cluster-enabled yes`. */
  args?: string[];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts a real redis-server that keeps nothing on disk, and resolves once it accepts connections. */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const port = options.port ?? (await freePort());
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'redis-test-'));
  const persistence = options.persist ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--dir', dir, ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    };
    child.stdout?.on('data', onData);
    child.once('error', (error) => reject(new Error(`redis-server did not start (is it installed?): ${error.message}`)));
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
  });
  const end = (signal: NodeJS.Signals, removeDir: boolean) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => {
        if (removeDir) rmSync(dir, { recursive: true, force: true });
        resolve();
      });
      child.kill(signal);
    });
  return {
    port,
    dir,
    url: `redis://127.0.0.1:${port}`,
    stop: () => end('SIGTERM', options.dir === undefined),
    kill: () => end('SIGKILL', false),
    freeze: () => child.kill('SIGSTOP'),
    thaw: () => child.kill('SIGCONT'),
  };
}
