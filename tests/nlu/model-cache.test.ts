import { existsSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneModelCache } from '../../scripts/model-cache';

describe('the cache of trained models', () => {
  it('keeps the models used last and nothing else of theirs, leaving other files alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'model-cache-'));
    const names = ['nlu-model-a.bin', 'nlu-model-b.bin', 'nlu-model-c.bin', 'nlu-model-d.bin', 'nlu-model-e.bin'];
    names.forEach((name, i) => {
      writeFileSync(join(dir, name), 'model');
      // a is used last, then b, c…
      const used = new Date(Date.UTC(2026, 11, 1, 12, 0, 60 - i));
      utimesSync(join(dir, name), used, used);
    });
    writeFileSync(join(dir, 'vitest-report.json'), '{}');
    writeFileSync(join(dir, 'nlu-model-f.bin.123.partial'), 'half');

    pruneModelCache(dir, 3);

    expect(readdirSync(dir).sort()).toEqual(['nlu-model-a.bin', 'nlu-model-b.bin', 'nlu-model-c.bin', 'nlu-model-f.bin.123.partial', 'vitest-report.json']);
    expect(existsSync(join(dir, 'nlu-model-e.bin'))).toBe(false);
  });
});
