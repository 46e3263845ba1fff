import WebSocket from 'ws';

export type Frame = { type: string; [key: string]: any };

/** A scripted widget: sends frames and waits for the server's, as a browser's widget would. */
export class ChatClient {
  readonly frames: Frame[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.frames.push(JSON.parse(String(data)));
      this.waiters.forEach((w) => w());
    });
  }

  static async connect(url: string): Promise<ChatClient> {
    const socket = new WebSocket(url);
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
    return new Promise((resolve, reject) => {
      const check = () => {
        const since = this.frames.slice(from);
        if (since.some(predicate)) {
          this.waiters.delete(check);
          clearTimeout(timer);
          resolve(since);
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out; frames so far: ${JSON.stringify(this.frames.slice(from))}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  /** Sends a frame and waits for the message that carries choices (the end of a bot answer). */
  async exchange(frame: object | string, until: (frame: Frame) => boolean = (f) => f.type === 'message' && Array.isArray(f.choices) || f.type === 'error'): Promise<Frame[]> {
    const from = this.frames.length;
    this.send(frame);
    return this.waitFor(until, from);
  }

  close(): void {
    this.socket.close();
  }
}
