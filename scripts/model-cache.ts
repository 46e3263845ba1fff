import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
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

/** The path of the model trained on today's sources, trained and written there first when it is not yet. */
export function cachedModelFile(): string {
  const path = cachePath();
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    // Written aside and renamed, so that a run stopped half-way never leaves half a model under the name.
    const partial = `${path}.${process.pid}.partial`;
    writeModelFile(partial, trainModel(), phrasesFingerprint());
    renameSync(partial, path);
  }
  return path;
}
