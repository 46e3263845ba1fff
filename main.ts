import type { FastifyBaseLogger } from 'fastify';
import { buildServer } from './server';
import { type Config, ConfigError, loadConfig } from './config';
import { loadEnvFile } from './env-file';
import { getModel, useModel } from './flows/nlu/model';
import { modelFileFits, readModelFile } from './flows/nlu/model-file';

/** Where `npm run build` wrote the trained model (undefined when running from the sources). */
declare const PREBUILT_MODEL: string | undefined;
/** The fingerprint of the phrases the build trained that model on (model-training.ts, `phrasesFingerprint`). */
declare const PREBUILT_PHRASES: string | undefined;

/** How long after listening the prebuilt model is read, unless a message needs it sooner. */
const MODEL_READ_DELAY_MS = 500;

/** The model file `npm run build` wrote and the phrases it was trained on, when there is one that fits them. */
function prebuiltModel(): { path: string; phrases: string } | undefined {
  if (typeof PREBUILT_MODEL !== 'string' || typeof PREBUILT_PHRASES !== 'string') return undefined;
  return modelFileFits(PREBUILT_MODEL, PREBUILT_PHRASES) ? { path: PREBUILT_MODEL, phrases: PREBUILT_PHRASES } : undefined;
}

/**
 * Started from the sources: the model a build or a test run trained on these same sources and kept
 * in node_modules/.cache (scripts/model-cache.ts), so that a start after one of them trains nothing.
 */
async function keptModel(): Promise<{ path: string; phrases: string } | undefined> {
  const kept = (await import('./scripts/model-cache')).keptModel();
  return kept && { path: kept.file, phrases: kept.phrases };
}

/**
 * Uses a model trained before (`from`: the build, or the cache), read once the start is answered
 * (reading it holds the event loop a tenth of a second) or at the first parse before that. A file
 * replaced since the start by another build's is not used: the model is trained then (messages
 * parsed meanwhile fail as any error does).
 */
function readModelSoon(log: FastifyBaseLogger, { path, phrases }: { path: string; phrases: string }, from: 'the build' | 'node_modules/.cache'): void {
  useModel(() => readModelFile(path, phrases));
  setTimeout(() => {
    try {
      log.info({ ms: Math.round(getModel().trainedInMs) }, `understanding of typed text read from ${from}`);
    } catch {
      log.warn(`the model file of ${from} no longer fits its phrases: the understanding of typed text is trained now`);
      void import('./flows/nlu/model-training').then((training) => train(log, training));
    }
  }, MODEL_READ_DELAY_MS).unref();
}

function train(log: FastifyBaseLogger, training: typeof import('./flows/nlu/model-training')): void {
  training.trainInBackground().then(
    (model) => log.info({ ms: Math.round(model.trainedInMs) }, 'the understanding of typed text finished training'),
    (error: unknown) => log.error({ err: error }, 'training the understanding of typed text failed'),
  );
}

/** Starts the product: `npm start`, with `.env` in the working directory when there is one. */
async function main(): Promise<void> {
  loadEnvFile();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  // A model trained before: the build's, or, started from the sources, the one a build or a test run
  // kept for these same sources (hashing them takes a second or two).
  const prebuilt = prebuiltModel();
  const kept = prebuilt || typeof PREBUILT_MODEL === 'string' ? undefined : await keptModel();
  // Without one, the phrases (megabytes of code a start with one never loads) are loaded before
  // listening, so that loading them holds no request; the model is trained after, in slices between requests.
  const training = prebuilt || kept ? undefined : await import('./flows/nlu/model-training');
  const server = await buildServer(config);
  await server.listen();
  if (prebuilt) readModelSoon(server.log, prebuilt, 'the build');
  else if (kept) readModelSoon(server.log, kept, 'node_modules/.cache');
  else if (training) {
    if (typeof PREBUILT_MODEL === 'string') server.log.warn('the build holds no model for these phrases: the understanding of typed text is trained at start');
    train(server.log, training);
  }
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      server.log.info({ signal }, 'shutting down');
      void server.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

void main();
