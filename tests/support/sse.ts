import { Arrivals } from './wait';

export interface SseEvent {
  event: string;
  data: any;
}

/** An operator console's event stream, read over a real HTTP connection (fetch with a bearer token). */
export class SseClient {
  readonly events: SseEvent[] = [];
  private readonly arrivals = new Arrivals();
  private readonly abort = new AbortController();
  private markEnded: () => void = () => undefined;
  /** Settles when the server ends the stream (or `close` aborts it). */
  readonly ended = new Promise<void>((resolve) => {
    this.markEnded = resolve;
  });

  private constructor() {}

  static async connect(url: string, token: string): Promise<SseClient> {
    const client = new SseClient();
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: client.abort.signal });
    if (response.status !== 200 || !response.body) throw new Error(`event stream answered ${response.status}`);
    void client.read(response.body);
    await client.waitFor((e) => e.event === 'ready');
    return client;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) {
            this.events.push({ event, data: JSON.parse(data) });
            this.arrivals.notify();
          }
        }
      }
    } catch {
      // aborted by close()
    } finally {
      this.markEnded();
    }
  }

  waitFor(predicate: (event: SseEvent) => boolean, timeoutMs = 5000): Promise<SseEvent> {
    return this.arrivals.until(
      () => this.events.find(predicate),
      () => `events so far: ${JSON.stringify(this.events)}`,
      timeoutMs,
    );
  }

  close(): void {
    this.abort.abort();
  }
}
