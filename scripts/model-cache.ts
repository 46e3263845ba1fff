import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { phrasesOfModelFile, writeModelFile } from '../flows/nlu/model-file';

/**
 * The trained model of typed text, kept in node_modules/.cache under a hash of everything its
 * training reads, so that a build, or a test run, after a change elsewhere reads it instead of
 * training again (a minute or more on two cores).
 *
 * @example
 * const { file, phrases } = await cachedModel();
 * copyFileSync(file, 'dist/nlu-model.bin');
 */

const root = fileURLToPath(new URL('../', import.meta.url));

/** What a trained model depends on: the understanding's code, every phrase file, and the packages (the stemmer). */
function trainingInputs(): string[] {
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
  const code = [...walk(join(root, 'flows/nlu')), ...walk(join(root, 'flows/catalog/services')), join(root, 'flows/catalog/schema.ts'), join(root, 'domain/complaint.ts')].filter((path) =>
    path.endsWith('.ts'),
  );
  return [...code, join(root, 'package-lock.json')].sort();
}

/** Where the model trained on today's sources is kept (whether or not it is there yet). */
function cachePath(): string {
  const hash = createHash('sha256');
  for (const path of trainingInputs()) hash.update(path.slice(root.length)).update(readFileSync(path));
  return join(root, 'node_modules/.cache', `nlu-model-${hash.digest('base64url').slice(0, 16)}.bin`);
}

/** A model file trained on today's sources, and the fingerprint of the phrases it was trained on (model-training.ts). */
export interface CachedModel {
  file: string;
  phrases: string;
}

/**
 * The model trained on today's sources when a build or a test run kept one, else undefined (nothing
 * is trained). Its phrases' fingerprint is read from the file: the phrases, tens of megabytes of code,
 * are not loaded.
 */
export function keptModel(): CachedModel | undefined {
  return keptAt(cachePath());
}

function keptAt(file: string): CachedModel | undefined {
  const phrases = phrasesOfModelFile(file);
  return phrases === undefined ? undefined : { file, phrases };
}

/** How many models a cache keeps: today's and those of the sources last used before (another branch, a change undone). */
const KEPT_MODELS = 3;

/** The model trained on today's sources, trained and written to the cache first when it is not there yet. */
export async function cachedModel(): Promise<CachedModel> {
  const file = cachePath();
  const kept = keptAt(file);
  if (kept) {
    const now = new Date();
    utimesSync(file, now, now);
    return kept;
  }
  const { phrasesFingerprint, trainModel } = await import('../flows/nlu/model-training');
  mkdirSync(dirname(file), { recursive: true });
  // Written aside and renamed, so that a run stopped half-way never leaves half a model under the name.
  const partial = `${file}.${process.pid}.partial`;
  const phrases = phrasesFingerprint();
  writeModelFile(partial, trainModel(), phrases);
  renameSync(partial, file);
  pruneModelCache(dirname(file));
  return { file, phrases };
}

/**
 * Removes all but the `keep` models of `dir` used last (each is some 150 MB, and every change to the
 * understanding's code trains another).
 */
export function pruneModelCache(dir: string, keep = KEPT_MODELS): void {
  const models = readdirSync(dir)
    .filter((name) => /^nlu-model-[\w-]+\.bin$/.test(name))
    .map((name) => ({ path: join(dir, name), used: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const { path } of models.slice(keep)) rmSync(path, { force: true });
}

// `node --import tsx scripts/model-cache.ts` trains and keeps today's model unless it is kept already (scripts/test.sh).
if (process.argv[1] === fileURLToPath(import.meta.url)) await cachedModel();
