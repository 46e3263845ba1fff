import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { cachedModel } from '../../scripts/model-cache';
import { clusterToolsInstalled, type RedisCluster, startRedisCluster } from './redis-cluster';
import { startRedisServer, type RedisServer } from './redis-server';

/**
 * One private redis-server for the whole run, on a free port, and one 3-node Redis Cluster beside
 * it (unless redis-cli is missing: the cluster's suites are then skipped, saying so); tests that
 * stop or fill Redis start their own. And the model of typed text, trained once for every test file.
 */
let redis: RedisServer | undefined;
let cluster: RedisCluster | undefined;

export async function setup(project: TestProject): Promise<void> {
  const withCluster = await clusterToolsInstalled();
  [redis, cluster] = await Promise.all([startRedisServer(), withCluster ? startRedisCluster() : undefined]);
  project.provide('redisUrl', redis.url);
  project.provide('redisClusterNodes', cluster?.nodes ?? []);
  const model = await cachedModel();
  project.provide('nluModelFile', model.file);
  project.provide('nluModelPhrases', model.phrases);
}

export async function teardown(): Promise<void> {
  await Promise.all([redis?.stop(), cluster?.stop()]);
}

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    /** `host:port` of the cluster's masters; empty when redis-server or redis-cli is missing. */
    redisClusterNodes: string[];
    /** The model of typed text trained once for the run (scripts/model-cache.ts: kept between runs while its sources stay the same). */
    nluModelFile: string;
    /** The fingerprint of the phrases it was trained on, so that a test file checks the model without loading them. */
    nluModelPhrases: string;
  }
}
