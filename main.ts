import { buildServer } from './server';
import { type Config, ConfigError, loadConfig } from './config';
import { loadEnvFile } from './env-file';
import { trainInBackground, useModel } from './flows/nlu/model';
import { readModelFile } from './flows/nlu/model-file';

/** Where `npm run build` wrote the trained model (undefined when running from the sources). */
declare const PREBUILT_MODEL: string | undefined;

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
  // The understanding of typed text: the model `npm run build` trained, or else trained now, in slices
  // between requests, not in the first citizen's turn.
  const prebuilt = typeof PREBUILT_MODEL === 'string' ? readModelFile(PREBUILT_MODEL) : undefined;
  if (prebuilt) {
    useModel(prebuilt);
    server.log.info({ ms: Math.round(prebuilt.trainedInMs) }, 'understanding of typed text read from the build');
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
