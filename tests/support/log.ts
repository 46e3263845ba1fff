import { Writable } from 'node:stream';
import pino, { type LoggerOptions } from 'pino';
import { createLogger } from '../../api/logger';

/** A log that keeps its lines, to check what it says (and what it must not). */
export function memoryLog() {
  const lines: string[] = [];
  return { lines, log: pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }) };
}

/** The product's own logger (with its redaction) at `level`, keeping what it writes. */
export function capturedProductLog(level: LoggerOptions['level'] = 'debug') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger(level, stream), lines, text: () => lines.join('') };
}
