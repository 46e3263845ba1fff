import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeModelFile } from '../flows/nlu/model-file';
import { phrasesFingerprint, trainModel } from '../flows/nlu/model-training';

/**
 * The trained model of typed text, kept in node_modules/.cache under a hash of everything its
 * training reads, so that a build, or a test run, after a change elsewhere reads it instead of
 * training again (a minute or more on two cores).
 *
 * @example
 * copyFileSync(cachedModelFile(), 'dist/nlu-model.bin');
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

/** The model trained on today's sources when a build or a test run kept one, else undefined (nothing is trained). */
export function keptModelFile(): string | undefined {
  const path = cachePath();
  return existsSync(path) ? path : undefined;
}

/** How many models a cache keeps: today's and those of the sources last used before (another branch, a change undone). */
const KEPT_MODELS = 3;

/** The path of the model trained on today's sources, trained and written there first when it is not yet. */
export function cachedModelFile(): string {
  const path = cachePath();
  if (existsSync(path)) {
    const now = new Date();
    utimesSync(path, now, now);
    return path;
  }
  mkdirSync(dirname(path), { recursive: true });
  // Written aside and renamed, so that a run stopped half-way never leaves half a model under the name.
  const partial = `${path}.${process.pid}.partial`;
  writeModelFile(partial, trainModel(), phrasesFingerprint());
  renameSync(partial, path);
  pruneModelCache(dirname(path));
  return path;
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
