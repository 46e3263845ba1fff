import pino from 'pino';

/** A log that keeps its lines, to check what it says (and what it must not). */
export function memoryLog() {
  const lines: string[] = [];
  return { lines, log: pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }) };
}
