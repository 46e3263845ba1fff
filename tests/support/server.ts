import { loadConfig } from '../../config';
import { getModel } from '../../flows/nlu/model';
import { startFakeTelegram, telegramEnv, type FakeTelegram } from './fake-telegram';
import { buildServer, type Server } from '../../server';

export interface TestServer extends Server {
  url: string;
  wsUrl: string;
}

/** What a test may give the product besides its environment: a log to read, a clock for the conversations. */
export type TestOverrides = Parameters<typeof buildServer>[1];

/**
 * The whole product in this process on a free port, quiet, with the given environment on top.
 * Its model of typed text is in memory before it returns, as a started product has it half a
 * second after listening (main.ts): otherwise the test's first typed message would wait for the
 * model to be read (1–2 s, several under a loaded run) within the few seconds it waits for a reply.
 */
export async function startTestServer(env: Record<string, string> = {}, overrides: TestOverrides = {}): Promise<TestServer> {
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', ...env });
  const server = await buildServer(config, overrides);
  const url = await server.listen();
  getModel();
  return Object.assign(server, { url, wsUrl: `${url.replace(/^http/, 'ws')}/ws/chat` });
}

/** The product with its Telegram channel pointed at a fresh fake Bot API; `close` stops both. */
export async function startTelegramTestServer(env: Record<string, string> = {}, overrides: TestOverrides = {}): Promise<{ telegram: FakeTelegram; server: TestServer; close(): Promise<void> }> {
  const telegram = await startFakeTelegram();
  const server = await startTestServer({ ...telegramEnv(telegram), ...env }, overrides);
  return {
    telegram,
    server,
    close: async () => {
      await server.close();
      await telegram.close();
    },
  };
}
