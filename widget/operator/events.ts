/** One Server-Sent Event: its `event:` name and the JSON of its `data:` lines. */
export interface StreamEvent {
  type: string;
  data: unknown;
}

/**
 * Splits what has arrived so far into complete `event:`/`data:` blocks (a blank line ends one);
 * returns the events and the unfinished rest. Comment lines (`: keep-alive`) are skipped.
 */
export function parseEvents(buffer: string): { events: StreamEvent[]; rest: string } {
  const events: StreamEvent[] = [];
  const blocks = buffer.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let type = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0) continue;
    try {
      events.push({ type, data: JSON.parse(data.join('\n')) });
    } catch {
      // not JSON: not an event of the operator API
    }
  }
  return { events, rest };
}

export interface EventStreamOptions {
  url: string;
  token: () => string | null;
  onEvent: (event: StreamEvent) => void;
  /** `open` once the server said `ready` (`again` after a lost connection), `lost` when it dropped. */
  onState: (state: 'open' | 'lost', again: boolean) => void;
  onUnauthorized: () => void;
}

/** Longest silence before the stream counts as dead: the server sends a comment every 25 s. */
const SILENCE_MS = 60_000;
const MAX_BACKOFF_MS = 30_000;

/**
 * GET /api/operator/events read with fetch() (EventSource cannot send the Authorization header),
 * reconnecting with growing, jittered pauses after a drop or a silent connection.
 */
export class EventStream {
  private abort: AbortController | undefined;
  private stopped = false;
  private failures = 0;
  private everOpen = false;
  private lost = false;
  connected = false;

  constructor(private readonly options: EventStreamOptions) {}

  start(): void {
    void this.loop();
  }

  stop(): void {
    this.stopped = true;
    this.abort?.abort();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const token = this.options.token();
      if (!token) return;
      this.abort = new AbortController();
      try {
        const response = await fetch(this.options.url, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: this.abort.signal, cache: 'no-store' });
        if (response.status === 401) {
          this.options.onUnauthorized();
          return;
        }
        if (response.ok && response.body) await this.read(response.body);
      } catch {
        // dropped, aborted or refused: try again below
      }
      if (this.stopped) return;
      if (this.connected || !this.lost) {
        this.connected = false;
        this.lost = true;
        this.options.onState('lost', this.everOpen);
      }
      const pause = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.failures++) * (0.75 + Math.random() * 0.5);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let watchdog = setTimeout(() => this.abort?.abort(), SILENCE_MS);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        clearTimeout(watchdog);
        watchdog = setTimeout(() => this.abort?.abort(), SILENCE_MS);
        const parsed = parseEvents(buffer + decoder.decode(value, { stream: true }));
        buffer = parsed.rest;
        for (const event of parsed.events) {
          if (event.type === 'ready') {
            const again = this.everOpen;
            this.everOpen = true;
            this.connected = true;
            this.lost = false;
            this.failures = 0;
            this.options.onState('open', again);
          } else {
            this.options.onEvent(event);
          }
        }
      }
    } finally {
      clearTimeout(watchdog);
      reader.releaseLock();
    }
  }
}
