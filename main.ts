import { buildServer } from './server';
import { type Config, ConfigError, loadConfig } from './config';
import { loadEnvFile } from './env-file';
import { trainInBackground } from './flows/nlu/model';

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
  // The understanding of typed text trains now, in slices between requests, not in the first citizen's turn.
  trainInBackground().catch((error: unknown) => server.log.error({ err: error }, 'training the understanding of typed text failed'));
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
