import { stored } from './storage';
import type { CitizenFrame, ServerFrame } from './frames';

export interface ConnectionEvents {
  frame(frame: ServerFrame): void;
  /** The socket is up (true) or lost and being re-established (false). */
  online(online: boolean): void;
}

/** The longest wait between two attempts to reconnect. */
const MAX_DELAY_MS = 30_000;

/**
 * The /ws/chat socket: says hello with the stored token and the last message shown, reconnects with
 * growing pauses after a loss, and keeps every frame the citizen sent until the server has taken it
 * (the server answers each frame it takes with a typing frame, in order). Frames still waiting are
 * sent again on reconnect, in order; their ids make a frame the server already had harmless.
 */
export class Connection {
  private socket: WebSocket | undefined;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: string[] = stored.pending();
  /** Pending frames already written to the current socket. */
  private written = 0;

  constructor(
    private readonly url: URL,
    private readonly events: ConnectionEvents,
    private readonly hello: () => object,
  ) {
    window.addEventListener('online', () => this.retryNow());
  }

  connect(): void {
    clearTimeout(this.timer);
    const socket = new WebSocket(this.url);
    this.socket = socket;
    this.written = 0;
    socket.addEventListener('open', () => {
      this.attempt = 0;
      socket.send(JSON.stringify({ type: 'hello', ...this.hello() }));
      this.flush();
      this.events.online(true);
    });
    socket.addEventListener('message', (event) => {
      if (this.socket !== socket) return; // a socket given up (the conversation was ended)
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(event.data)) as ServerFrame;
      } catch {
        return;
      }
      // A frame refused as malformed or unknown is not sent again either. An operator's typing answers no frame.
      if ((frame.type === 'typing' && !frame.from) || (frame.type === 'error' && (frame.code === 'bad_frame' || frame.code === 'file_unknown'))) this.taken();
      this.events.frame(frame);
    });
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.events.online(false);
      const delay = Math.min(MAX_DELAY_MS, 500 * 2 ** this.attempt++) * (0.8 + Math.random() * 0.4);
      this.timer = setTimeout(() => this.connect(), delay);
    });
  }

  /** Sends a frame now, or as soon as the socket is back, with its own id (`frameId` on a choice, whose `id` is the button's). */
  send(frame: CitizenFrame): void {
    const withId = frame.type === 'text' ? { ...frame, id: frameId() } : frame.type === 'choice' ? { ...frame, frameId: frameId() } : frame;
    this.pending.push(JSON.stringify(withId));
    stored.setPending(this.pending);
    this.flush();
  }

  /** Sends a frame only if the socket is up (a frame that means nothing later, such as `end`). */
  sendNow(frame: object): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  /** Drops what was waiting and opens a fresh socket (a new conversation after the citizen ended one). */
  restart(): void {
    this.pending = [];
    stored.setPending([]);
    const old = this.socket;
    this.socket = undefined;
    old?.close();
    this.connect();
  }

  private retryNow(): void {
    if (!this.socket) this.connect();
  }

  private flush(): void {
    const socket = this.socket;
    if (socket?.readyState !== WebSocket.OPEN) return;
    for (; this.written < this.pending.length; this.written++) socket.send(this.pending[this.written]!);
  }

  /** The server took the oldest pending frame. */
  private taken(): void {
    if (this.written === 0) return;
    this.pending.shift();
    this.written--;
    stored.setPending(this.pending);
  }
}

/** The widget's own id of a frame, so a frame sent twice over a flaky connection is handled once. */
function frameId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
