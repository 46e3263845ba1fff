import { createServer, request } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  wsUrl: string;
  /** Which backend (its index) each request or WebSocket went to, in order. */
  served: { path: string; backend: number }[];
  /** The backend the next request or WebSocket goes to. */
  readonly next: number;
  close(): Promise<void>;
}

/**
 * A load balancer in front of product instances on 127.0.0.1: each request and each WebSocket
 * handshake goes to the next backend in turn; bodies, streams (SSE) and sockets are piped through.
 */
export async function startRoundRobinProxy(backends: string[]): Promise<RoundRobinProxy> {
  const targets = backends.map((backend) => new URL(backend));
  const served: RoundRobinProxy['served'] = [];
  let turn = 0;
  const pick = (path: string) => {
    const backend = turn;
    turn = (turn + 1) % targets.length;
    served.push({ path, backend });
    return targets[backend]!;
  };
  const server = createServer((req, res) => {
    const target = pick(req.url ?? '/');
    const forwarded = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  const upgraded = new Set<{ destroy(): void }>();
  server.on('upgrade', (req, socket, head) => {
    const target = pick(req.url ?? '/');
    upgraded.add(socket);
    socket.on('close', () => upgraded.delete(socket));
    const upstream = connect(Number(target.port), target.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws/chat`,
    served,
    get next() {
      return turn;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of upgraded) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
