import type { RedisClient } from './redis';
import { OwnConnection } from './redis-connection';
import type { Bus } from './types';

type Handler = (message: unknown) => void;

/** The subscriptions of one channel in this process, behind one Redis subscription. */
interface Channel {
  subscriptions: Set<{ handler: Handler }>;
  /** Resolves once Redis confirmed the SUBSCRIBE. */
  ready: Promise<void>;
  /** What node-redis calls for this channel; a new one for each Redis subscription of the channel. */
  listener: (message: string) => void;
}

/**
 * Messages between instances over Redis pub/sub on `${prefix}bus:<topic>`, as JSON. A subscribed
 * connection takes no other commands, so the bus opens its own (a duplicate of the store's client)
 * on the first subscribe. Every handler gets its own parsed copy; a message that is not JSON is
 * dropped; a throwing handler is reported to `onError` and the others still run.
 *
 * `sharded` (on a cluster): SPUBLISH and SSUBSCRIBE, so a topic's messages go to the nodes of its
 * channel's slot only, where PUBLISH would copy each one to every node of the cluster.
 */
export class RedisBus implements Bus {
  private readonly subscriber: OwnConnection;
  private readonly channels = new Map<string, Channel>();

  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
    private readonly onError?: (error: Error) => void,
    private readonly options: { sharded?: boolean } = {},
  ) {
    this.subscriber = new OwnConnection(client, 'bus', onError);
  }

  private channelName(topic: string) {
    return `${this.prefix}bus:${topic}`;
  }

  async publish(topic: string, message: unknown): Promise<void> {
    const json = JSON.stringify(message);
    if (json === undefined) throw new TypeError('bus: the message cannot be sent as JSON');
    const channel = this.channelName(topic);
    await (this.options.sharded ? this.client.sPublish(channel, json) : this.client.publish(channel, json));
  }

  private deliver(topic: string, channel: Channel, message: string): void {
    try {
      JSON.parse(message);
    } catch {
      return; // not from this bus: dropped
    }
    for (const subscription of [...channel.subscriptions]) {
      // Unsubscribed while an earlier handler of this message ran: no longer delivered.
      if (!channel.subscriptions.has(subscription)) continue;
      try {
        subscription.handler(JSON.parse(message));
      } catch (error) {
        this.onError?.(new Error(`bus handler for ${topic} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error }));
      }
    }
  }

  async subscribe(topic: string, handler: Handler): Promise<() => Promise<void>> {
    const name = this.channelName(topic);
    const subscription = { handler };
    let channel = this.channels.get(name);
    if (!channel) {
      const created: Channel = {
        subscriptions: new Set(),
        listener: (message) => this.deliver(topic, created, message),
        ready: this.subscriber.open().then((subscriber) => (this.options.sharded ? subscriber.sSubscribe(name, created.listener) : subscriber.subscribe(name, created.listener))),
      };
      // A failed SUBSCRIBE is reported to each waiting subscriber below; no unhandled rejection meanwhile.
      created.ready.catch(() => {});
      channel = created;
      this.channels.set(name, channel);
    }
    const joined = channel;
    joined.subscriptions.add(subscription);
    const unsubscribe = async () => {
      if (!joined.subscriptions.delete(subscription) || joined.subscriptions.size > 0) return;
      if (this.channels.get(name) === joined) this.channels.delete(name);
      try {
        await joined.ready;
      } catch {
        return; // never subscribed
      }
      // Only this channel's own listener goes: a newer subscription of the same channel keeps its own.
      const subscriber = this.subscriber.current;
      await (this.options.sharded ? subscriber?.sUnsubscribe(name, joined.listener) : subscriber?.unsubscribe(name, joined.listener));
    };
    try {
      await joined.ready;
    } catch (error) {
      await unsubscribe();
      throw error;
    }
    return unsubscribe;
  }

  async close(): Promise<void> {
    this.channels.clear();
    await this.subscriber.close('quit');
  }
}
