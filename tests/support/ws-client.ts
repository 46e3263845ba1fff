import WebSocket from 'ws';
import { Arrivals } from './wait';

export type Frame = { type: string; [key: string]: any };

/** A scripted widget: sends frames and waits for the server's, as a browser's widget would. */
export class ChatClient {
  readonly frames: Frame[] = [];
  private readonly arrivals = new Arrivals();

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.frames.push(JSON.parse(String(data)));
      this.arrivals.notify();
    });
  }

  /** `options`: what the handshake carries besides the URL (an Origin header). */
  static async connect(url: string, options: WebSocket.ClientOptions = {}): Promise<ChatClient> {
    const socket = new WebSocket(url, options);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new ChatClient(socket);
  }

  send(frame: object | string): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Resolves with the frames received after `from` once `predicate` holds for one of them. */
  waitFor(predicate: (frame: Frame) => boolean, from = 0, timeoutMs = 5000): Promise<Frame[]> {
    return this.arrivals.until(
      () => {
        const since = this.frames.slice(from);
        return since.some(predicate) ? since : undefined;
      },
      () => `frames so far: ${JSON.stringify(this.frames.slice(from))}`,
      timeoutMs,
    );
  }

  /** Sends a frame and waits for the message that carries choices (the end of a bot answer). */
  async exchange(frame: object | string, until: (frame: Frame) => boolean = (f) => (f.type === 'message' && Array.isArray(f.choices)) || f.type === 'error'): Promise<Frame[]> {
    const from = this.frames.length;
    this.send(frame);
    return this.waitFor(until, from);
  }

  close(): void {
    this.socket.close();
  }
}
