import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startRedisServer, type RedisServer } from './redis-server';

/** One private redis-server for the whole run, on a free port; tests that stop or fill Redis start their own. */
let redis: RedisServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  redis = await startRedisServer();
  project.provide('redisUrl', redis.url);
}

export async function teardown(): Promise<void> {
  await redis?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}
