import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeModelFile } from '../../flows/nlu/model-file';
import { phrasesFingerprint, trainModel } from '../../flows/nlu/model-training';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The sources a trained model depends on: the understanding's code and every phrase file. */
function modelSources(): string[] {
  const nlu = join(root, 'flows/nlu');
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
  const services = join(root, 'flows/catalog/services');
  return [...walk(nlu), ...readdirSync(services).map((name) => join(services, name)), join(root, 'flows/catalog/schema.ts')].filter((path) => path.endsWith('.ts')).sort();
}

/**
 * The model the test files share, trained once per change of its sources and kept in
 * node_modules/.cache: each test file reads it instead of training its own (a second or two each).
 */
export function sharedModelFile(): string {
  const hash = createHash('sha256');
  for (const path of modelSources()) hash.update(path).update(readFileSync(path));
  const dir = join(root, 'node_modules/.cache');
  const path = join(dir, `nlu-model-${hash.digest('base64url').slice(0, 16)}.bin`);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    writeModelFile(path, trainModel(), phrasesFingerprint());
  }
  return path;
}
