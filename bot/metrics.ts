import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of the conversation runtime, served at /metrics. One registry per app. */
export class Metrics {
  readonly registry = new Registry();
  readonly updatesIn = new Counter({
    name: 'assistant_updates_in_total',
    help: 'Citizen updates received, by channel',
    labelNames: ['channel'] as const,
    registers: [this.registry],
  });
  readonly repliesOut = new Counter({
    name: 'assistant_replies_out_total',
    help: 'Messages sent to citizens, by channel',
    labelNames: ['channel'] as const,
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: 'assistant_errors_total',
    help: 'Errors while handling updates, by where they happened',
    labelNames: ['where'] as const,
    registers: [this.registry],
  });
  readonly turnSeconds = new Histogram({
    name: 'assistant_turn_seconds',
    help: 'Time from an update in to its replies ready, by channel',
    labelNames: ['channel'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });

  constructor({ defaults = true } = {}) {
    if (defaults) collectDefaultMetrics({ register: this.registry });
  }
}
