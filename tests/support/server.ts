import { loadConfig } from '../../config';
import { buildServer, type Server } from '../../server';

export interface TestServer extends Server {
  url: string;
  wsUrl: string;
}

/** The whole product in this process on a free port, quiet, with the given environment on top. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', ...env });
  const server = await buildServer(config);
  const url = await server.listen();
  return Object.assign(server, { url, wsUrl: `${url.replace(/^http/, 'ws')}/ws/chat` });
}
