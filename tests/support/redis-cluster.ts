import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, startRedisServer, type RedisServer } from './redis-server';

const run = promisify(execFile);

export interface RedisCluster {
  /** `host:port` of every master, as REDIS_CLUSTER_NODES takes them. */
  nodes: string[];
  /** Ends the master at `port` at once (SIGKILL), as a crash would. */
  kill(port: number): Promise<void>;
  /** Starts a killed master again on its port and resolves once the cluster is ok; it rejoins with its slots (and without its keys). */
  revive(port: number): Promise<void>;
  stop(): Promise<void>;
}

/** Whether redis-server and redis-cli are on the PATH (a cluster needs both). */
export async function clusterToolsInstalled(): Promise<boolean> {
  try {
    await Promise.all([run('redis-server', ['--version']), run('redis-cli', ['--version'])]);
    return true;
  } catch {
    return false;
  }
}

async function clusterState(port: number, auth: string[]): Promise<string> {
  const { stdout } = await run('redis-cli', ['-p', String(port), ...auth, 'cluster', 'info']);
  return /cluster_state:(\w+)/.exec(stdout)?.[1] ?? 'unknown';
}

/**
 * Three masters (no replicas) of a Redis Cluster on free ports, keeping nothing on disk but their
 * nodes-<port>.conf in one temporary directory; resolves once every node reports the cluster ok.
 * `password`: every node asks for it (requirepass) and gives it to the others (masterauth).
 */
export async function startRedisCluster({ size = 3, password }: { size?: number; password?: string } = {}): Promise<RedisCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'redis-cluster-'));
  const auth = password ? ['-a', password, '--no-auth-warning'] : [];
  const passwordArgs = password ? ['--requirepass', password, '--masterauth', password] : [];
  const servers: RedisServer[] = [];
  const start = (port: number) => startRedisServer({ port, dir, args: ['--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`, ...passwordArgs] });
  /** Resolves once every node reports cluster_state:ok. */
  const untilOk = async () => {
    const deadline = Date.now() + 10_000;
    while ((await Promise.all(servers.map((server) => clusterState(server.port, auth)))).some((state) => state !== 'ok')) {
      if (Date.now() > deadline) throw new Error('the Redis Cluster did not reach cluster_state:ok within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const stop = async () => {
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const ports = await Promise.all(Array.from({ length: size }, () => freePort()));
    await Promise.all(ports.map(async (port) => servers.push(await start(port))));
    const nodes = servers.map((server) => `127.0.0.1:${server.port}`);
    await run('redis-cli', ['--cluster', 'create', ...nodes, '--cluster-replicas', '0', '--cluster-yes', ...auth]);
    await untilOk();
    const serverAt = (port: number) => servers.findIndex((server) => server.port === port);
    return {
      nodes,
      kill: (port) => servers[serverAt(port)]!.kill(),
      revive: async (port) => {
        servers[serverAt(port)] = await start(port);
        await untilOk();
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
