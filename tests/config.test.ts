import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';

describe('configuration', () => {
  it('starts with no variables at all: embedded store, no Telegram, port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ HOST: '0.0.0.0', PORT: 3000, DEFAULT_LANG: 'kk' });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ REDIS_URL: '', TELEGRAM_BOT_TOKEN: '  ' }).REDIS_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ TELEGRAM_BOT_TOKEN: 'not-a-token' }, 'TELEGRAM_BOT_TOKEN'],
    [{ OPERATOR_BOOTSTRAP: 'aida:short:operator' }, 'OPERATOR_BOOTSTRAP'],
    [{ OPERATOR_BOOTSTRAP: 'aida:long-enough-password:king' }, 'OPERATOR_BOOTSTRAP'],
    [{ DEFAULT_LANG: 'en' }, 'DEFAULT_LANG'],
    [{ TELEGRAM_WEBHOOK_URL: 'https://x.kz/hook' }, 'TELEGRAM_WEBHOOK_URL'],
    [{ PUBLIC_URL: 'assistant.example.kz' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'ftp://assistant.example.kz' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'https://assistant.example.kz/?lang=kk' }, 'PUBLIC_URL'],
    [{ HOME_VISIT_CAPACITY: 'four' }, 'HOME_VISIT_CAPACITY'],
    [{ HOME_VISIT_CAPACITY: '4; alma-ata=6' }, 'HOME_VISIT_CAPACITY'],
    [{ HOME_VISIT_CAPACITY: '4; almaty 6' }, 'HOME_VISIT_CAPACITY'],
    [{ HOME_VISIT_CAPACITY: '4; almaty=-1' }, 'HOME_VISIT_CAPACITY'],
    [{ TELEGRAM_RATE_PER_SECOND: '0' }, 'TELEGRAM_RATE_PER_SECOND'],
    [{ TELEGRAM_RATE_PER_CHAT_PER_SECOND: 'one' }, 'TELEGRAM_RATE_PER_CHAT_PER_SECOND'],
    [{ TELEGRAM_OUTBOX_TAKEOVER_SECONDS: '0.5' }, 'TELEGRAM_OUTBOX_TAKEOVER_SECONDS'],
    [{ STATUS_API_TOKEN: 'too-short-a-token' }, 'STATUS_API_TOKEN'],
    [{ STATUS_API_TOKEN: 'a token of several words, long enough' }, 'STATUS_API_TOKEN'],
    [{ METRICS_TOKEN: 'metrics token with spaces in it' }, 'METRICS_TOKEN'],
  ])('stops on %o with a message naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${variable}:`));
  });

  it('paces Telegram at its limits unless told otherwise: 30 a second in all, 1 a second per chat', () => {
    expect(loadConfig({})).toMatchObject({ TELEGRAM_RATE_PER_SECOND: 30, TELEGRAM_RATE_PER_CHAT_PER_SECOND: 1, TELEGRAM_OUTBOX_TAKEOVER_SECONDS: 60 });
    expect(loadConfig({ TELEGRAM_RATE_PER_SECOND: '200', TELEGRAM_RATE_PER_CHAT_PER_SECOND: '0.5' })).toMatchObject({ TELEGRAM_RATE_PER_SECOND: 200, TELEGRAM_RATE_PER_CHAT_PER_SECOND: 0.5 });
  });

  it('takes the public base URL as given, with or without a path, and none when it is empty', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://assistant.example.kz' }).PUBLIC_URL).toBe('https://assistant.example.kz');
    expect(loadConfig({ PUBLIC_URL: 'http://example.kz/assistant/' }).PUBLIC_URL).toBe('http://example.kz/assistant/');
    expect(loadConfig({ PUBLIC_URL: '' }).PUBLIC_URL).toBeUndefined();
  });

  it('reads the home-visit capacity: one number for every region, exceptions by region id', () => {
    expect(loadConfig({}).HOME_VISIT_CAPACITY).toEqual({ default: 4, byRegion: {} });
    expect(loadConfig({ HOME_VISIT_CAPACITY: '3; almaty=6; astana = 5' }).HOME_VISIT_CAPACITY).toEqual({ default: 3, byRegion: { almaty: 6, astana: 5 } });
  });

  it('accepts several operator accounts', () => {
    expect(loadConfig({ OPERATOR_BOOTSTRAP: 'aida:pass-word-1:operator, boss:pass-word-2:supervisor' }).OPERATOR_BOOTSTRAP).toBeDefined();
  });
});
