import { buildServer } from './server';
import { type Config, ConfigError, loadConfig } from './config';
import { loadEnvFile } from './env-file';
import { getModel, trainInBackground, useModel } from './flows/nlu/model';
import { readModelFile } from './flows/nlu/model-file';

/** Where `npm run build` wrote the trained model (undefined when running from the sources). */
declare const PREBUILT_MODEL: string | undefined;

/** How long after listening the prebuilt model is read, unless a message needs it sooner. */
const MODEL_READ_DELAY_MS = 500;

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
  const server = await buildServer(config);
  await server.listen();
  // The understanding of typed text: the model `npm run build` trained, read once the start is
  // answered (reading it holds the event loop a tenth of a second) or at the first parse before
  // that; without one, trained now, in slices between requests.
  if (typeof PREBUILT_MODEL === 'string') {
    const path = PREBUILT_MODEL;
    useModel(() => readModelFile(path));
    setTimeout(() => {
      const model = getModel();
      const ms = Math.round(model.trainedInMs);
      if (model.origin === 'file') server.log.info({ ms }, 'understanding of typed text read from the build');
      else server.log.warn({ ms }, 'the build holds no model for these phrases: the understanding of typed text was trained at start');
    }, MODEL_READ_DELAY_MS).unref();
  } else trainInBackground().catch((error: unknown) => server.log.error({ err: error }, 'training the understanding of typed text failed'));
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
