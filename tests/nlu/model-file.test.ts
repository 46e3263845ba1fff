import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWith } from '../../flows/nlu';
import { decodeModel, encodeModel, modelFileFits, readModelFile, writeModelFile } from '../../flows/nlu/model-file';
import { phrasesFingerprint, trainModel } from '../../flows/nlu/model-training';
import { readDataset } from './labelled';
import { allButATwentieth } from './twentieth';

describe('the model of typed text written at build and read at start', () => {
  // A twentieth of the phrases: the file's layout is the same whatever the size, and the whole model's training (two to
  // three minutes of a core) is the run's own, in global-setup.ts.
  const trained = trainModel(allButATwentieth());
  const phrases = phrasesFingerprint();
  const dir = mkdtempSync(join(tmpdir(), 'nlu-model-'));

  // Every k-th labelled message, about 8 000 of them, parsed by both models (all 39 000 took 36 s beside the other suites, and
  // grow by a fifth each round): a weight or a feature read back wrong changes the answers of thousands.
  it('parses the labelled messages exactly as the model it was written from', { timeout: 60_000 }, () => {
    const path = join(dir, 'model.bin');
    writeModelFile(path, trained, phrases);
    const read = readModelFile(path, phrases)!;
    expect(read).toBeDefined();
    const labelled = [...readDataset('train'), ...readDataset('heldout')];
    const stride = Math.max(1, Math.floor(labelled.length / 8000));
    const rows = labelled.filter((_, i) => i % stride === 0);
    const differing = rows.filter((row) => {
      const options = { context: row.context };
      return JSON.stringify(parseWith(read, row.text, row.lang, options)) !== JSON.stringify(parseWith(trained, row.text, row.lang, options));
    });
    expect(differing.map((row) => row.text)).toEqual([]);
  });

  it('is not used when it was trained on other phrases or written in another layout', () => {
    const bytes = encodeModel(trained, phrases);
    const headerLength = bytes.readUInt32LE(0);
    const header = bytes.toString('utf8', 4, 4 + headerLength);
    const withHeader = (changed: string) => {
      const copy = Buffer.from(bytes);
      copy.write(changed, 4, 'utf8');
      return copy;
    };
    const otherPhrases = header.replace(/"phrases":"(.)/, (_, first: string) => `"phrases":"${first === 'A' ? 'B' : 'A'}`);
    expect(otherPhrases).not.toBe(header);
    expect(decodeModel(withHeader(otherPhrases), phrases)).toBeUndefined();
    const otherFormat = header.replace(/"format":\d/, '"format":0');
    expect(decodeModel(withHeader(otherFormat), phrases)).toBeUndefined();
    expect(decodeModel(bytes, phrases)).toBeDefined();
  });

  it('is simply absent before the first build', () => {
    expect(readModelFile(join(dir, 'none.bin'), phrases)).toBeUndefined();
    expect(modelFileFits(join(dir, 'none.bin'), phrases)).toBe(false);
  });

  it('tells from its first bytes whether it fits the phrases, as reading it whole would', () => {
    const path = join(dir, 'fits.bin');
    writeModelFile(path, trained, phrases);
    expect(modelFileFits(path, phrases)).toBe(true);
    expect(modelFileFits(path, `${phrases.slice(0, -1)}${phrases.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
    expect(modelFileFits(path, phrases.slice(0, -1))).toBe(false);
    const otherFormat = encodeModel(trained, phrases);
    otherFormat.write('{"format":0', 4, 'utf8');
    writeFileSync(path, otherFormat);
    expect(modelFileFits(path, phrases)).toBe(false);
    writeFileSync(path, Buffer.alloc(3));
    expect(modelFileFits(path, phrases)).toBe(false);
  });

  it('fails loudly when the file is not a model at all', () => {
    const path = join(dir, 'broken.bin');
    writeFileSync(path, Buffer.from([5, 0, 0, 0, 0x7b, 0x7b, 0x7b, 0x7b, 0x7b]));
    expect(() => readModelFile(path, phrases)).toThrow(SyntaxError);
  });
});
