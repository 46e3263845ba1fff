import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEnvFile } from '../env-file';

/** Variables only these tests set, removed after each. */
const NAMES = ['ENV_FILE_TEST_FROM_FILE', 'ENV_FILE_TEST_SET_BEFORE', 'ENV_FILE_TEST_HOURS'];

describe('.env at start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'env-file-'));
  afterEach(() => {
    for (const name of NAMES) delete process.env[name];
  });

  it('reads the file into the environment, a variable already set winning over it', () => {
    const path = join(dir, '.env');
    writeFileSync(path, ['# a comment', 'ENV_FILE_TEST_FROM_FILE=from the file', 'ENV_FILE_TEST_SET_BEFORE=from the file', 'ENV_FILE_TEST_HOURS="Mon-Fri 09:00-18:00; Sat 09:00-13:00"'].join('\n'));
    process.env.ENV_FILE_TEST_SET_BEFORE = 'from the environment';
    try {
      expect(loadEnvFile(path)).toBe(true);
      expect(process.env.ENV_FILE_TEST_FROM_FILE).toBe('from the file');
      expect(process.env.ENV_FILE_TEST_SET_BEFORE).toBe('from the environment');
      expect(process.env.ENV_FILE_TEST_HOURS).toBe('Mon-Fri 09:00-18:00; Sat 09:00-13:00');
    } finally {
      rmSync(path);
    }
  });

  it('starts without a file, changing nothing', () => {
    const before = { ...process.env };
    expect(loadEnvFile(join(dir, 'missing.env'))).toBe(false);
    expect(process.env).toEqual(before);
  });
});
