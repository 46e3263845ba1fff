import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubPersonalData } from '../../api/logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger('info', stream), output: () => lines.join('') };
}

describe('logs never carry IINs, phones or addresses', () => {
  it('scrubs IIN- and phone-like runs from free text', () => {
    expect(scrubPersonalData('ЖСН 900101300007, тел. +7 701 123 45 67 немесе 8(777)1234567')).toBe('ЖСН [redacted], тел. [redacted] немесе [redacted]');
  });

  it('scrubs messages, nested fields, errors and request URLs', () => {
    const { log, output } = capture();
    log.info('citizen typed 900101300007');
    log.info({ conversation: { note: 'call me at 87011234567' }, iin: '850520400003', address: 'Астана, Орынбор көшесі 8' }, 'booking');
    log.error({ err: new Error('IIN 000315500005 rejected') }, 'failed');
    log.info({ req: { method: 'GET', url: '/x?phone=+77011234567' } }, 'request');
    const text = output();
    for (const secret of ['900101300007', '87011234567', '850520400003', 'Орынбор', '000315500005', '77011234567']) expect(text).not.toContain(secret);
    expect(text).toContain('booking');
    expect(text).toContain('[redacted]');
  });
});
