import { describe, expect, it } from 'vitest';
import { formatKzPhone, maskPhone, normalizeKzPhone, PHONE_PATTERN } from '../../domain/phone';

describe('normalizeKzPhone', () => {
  it.each(['8 (701) 123-45-67', '+7 701 123 45 67', '87011234567', '77011234567', '7011234567', '+77011234567', '8-701-123-45-67', '+7 (701) 123 4567', ' 8 701 123 45 67 '])('accepts %j', (input) => {
    expect(normalizeKzPhone(input)).toEqual({ ok: true, e164: '+77011234567', kind: 'mobile' });
  });

  it.each(['700', '702', '705', '706', '707', '708', '747', '760', '764', '771', '775', '776', '777', '778', '785'])('mobile prefix %s', (prefix) => {
    expect(normalizeKzPhone(`8${prefix}1234567`)).toMatchObject({ ok: true, kind: 'mobile' });
  });

  it.each(['703', '704', '709', '765', '770', '772', '779', '780', '786', '730', '750'])('%s is not an allocated Kazakh range', (prefix) => {
    expect(normalizeKzPhone(`+7${prefix}1234567`)).toEqual({ ok: false, reason: 'format' });
  });

  it('landlines 710–729: Astana 7172, Almaty 727', () => {
    expect(normalizeKzPhone('8 7172 12 34 56')).toEqual({ ok: true, e164: '+77172123456', kind: 'landline' });
    expect(normalizeKzPhone('+7 727 123 45 67')).toEqual({ ok: true, e164: '+77271234567', kind: 'landline' });
    expect(normalizeKzPhone('87101234567')).toMatchObject({ kind: 'landline' });
    expect(normalizeKzPhone('87291234567')).toMatchObject({ kind: 'landline' });
  });

  it.each(['+7 916 123 45 67', '8 (916) 123-45-67', '9161234567', '+7 495 123 45 67', '+7 343 123 45 67'])('Russian number %j is not Kazakh', (input) => {
    expect(normalizeKzPhone(input)).toEqual({ ok: false, reason: 'not_kazakh' });
  });

  it('other country codes are not Kazakh', () => {
    expect(normalizeKzPhone('+998 90 123 45 67')).toEqual({ ok: false, reason: 'not_kazakh' });
  });

  it.each(['', '1414', '+7 701 123 45 6', '8 701 123 45 678', '870112345', 'eight 701', '+7 701 123 45 67 доб. 2', '8 800 080 7777', '8011234567', '++77011234567'])(
    '%j is a format error',
    (input) => {
      expect(normalizeKzPhone(input)).toEqual({ ok: false, reason: 'format' });
    },
  );
});

describe('formatKzPhone and maskPhone', () => {
  it('formats E.164 for display', () => {
    expect(formatKzPhone('+77011234567')).toBe('+7 701 123 45 67');
    expect(formatKzPhone('+77172123456')).toBe('+7 717 212 34 56');
    expect(formatKzPhone('not a phone')).toBe('not a phone');
  });

  it('masks all but the code and the last two digits', () => {
    expect(maskPhone('+77011234567')).toBe('+7 701 *** ** 67');
    expect(maskPhone('8 (701) 123-45-67')).toBe('+7 701 *** ** 67');
    expect(maskPhone('+7 916 123 45 67')).toBe('+* *** *** ** 67');
  });
});

describe('PHONE_PATTERN', () => {
  const redact = (text: string): string => text.replace(PHONE_PATTERN, '[phone]');

  it.each(['8 (701) 123-45-67', '+7 701 123 45 67', '87011234567', '77011234567', '7011234567', '+77011234567', '8 7172 12 34 56', '+7 (701) 123 4567', '+7 916 123 45 67'])(
    'finds %j inside a sentence',
    (phone) => {
      expect(redact(`Мой номер ${phone}, звоните.`)).toBe('Мой номер [phone], звоните.');
    },
  );

  it('finds several numbers', () => {
    expect(redact('87011234567 или 8 (707) 765-43-21')).toBe('[phone] или [phone]');
  });

  it('leaves dates, IINs and short numbers alone', () => {
    const text = 'срок 2026-03-20 10:00, ИИН 900101300007, заявка 1414, сумма 125000';
    expect(redact(text)).toBe(text);
  });
});
