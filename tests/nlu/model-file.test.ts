import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWith } from '../../flows/nlu';
import { trainModel } from '../../flows/nlu/model';
import { decodeModel, encodeModel, readModelFile, writeModelFile } from '../../flows/nlu/model-file';
import { readDataset } from './evaluate';

describe('the model of typed text written at build and read at start', () => {
  const trained = trainModel();
  const dir = mkdtempSync(join(tmpdir(), 'nlu-model-'));

  // About 20 000 messages parsed by both models: some 10 s on a quiet machine, more beside the other suites.
  it('parses every labelled message exactly as the model it was written from', { timeout: 60_000 }, () => {
    const path = join(dir, 'model.bin');
    writeModelFile(path, trained);
    const read = readModelFile(path)!;
    expect(read).toBeDefined();
    const rows = [...readDataset('train'), ...readDataset('heldout')];
    const differing = rows.filter((row) => {
      const options = { context: row.context };
      return JSON.stringify(parseWith(read, row.text, row.lang, options)) !== JSON.stringify(parseWith(trained, row.text, row.lang, options));
    });
    expect(differing.map((row) => row.text)).toEqual([]);
  });

  it('is not used when it was trained on other phrases or written in another layout', () => {
    const bytes = encodeModel(trained);
    const headerLength = bytes.readUInt32LE(0);
    const header = bytes.toString('utf8', 4, 4 + headerLength);
    const withHeader = (changed: string) => {
      const copy = Buffer.from(bytes);
      copy.write(changed, 4, 'utf8');
      return copy;
    };
    const otherPhrases = header.replace(/"phrases":"(.)/, (_, first: string) => `"phrases":"${first === 'A' ? 'B' : 'A'}`);
    expect(otherPhrases).not.toBe(header);
    expect(decodeModel(withHeader(otherPhrases))).toBeUndefined();
    const otherFormat = header.replace(/"format":\d/, '"format":0');
    expect(decodeModel(withHeader(otherFormat))).toBeUndefined();
    expect(decodeModel(bytes)).toBeDefined();
  });

  it('is simply absent before the first build', () => {
    expect(readModelFile(join(dir, 'none.bin'))).toBeUndefined();
  });

  it('fails loudly when the file is not a model at all', () => {
    const path = join(dir, 'broken.bin');
    writeFileSync(path, Buffer.from([5, 0, 0, 0, 0x7b, 0x7b, 0x7b, 0x7b, 0x7b]));
    expect(() => readModelFile(path)).toThrow(SyntaxError);
  });
});
