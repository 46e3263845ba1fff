/**
 * `npm run build` (run by `npm start` first): the server as ES modules, dist/main.mjs and the chunks
 * it loads only when needed (the phrases of the understanding of typed text, for training), the
 * browser scripts beside it in dist/public/ and the trained model of typed text in
 * dist/nlu-model.bin, so that start compiles nothing, resolves few files and trains nothing. Sources
 * keep reading their files (locales, pages, fonts) where they lie: each module's `import.meta.url`
 * stays its source file's.
 */
import { build, type Plugin } from 'esbuild';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundle, SCRIPTS } from '../widget/build';
import { cachedModel } from './model-cache';

const root = new URL('../', import.meta.url);
const dist = new URL('dist/', root);
const publicDir = new URL('public/', dist);
const modelFile = new URL('nlu-model.bin', dist);

const sourceUrls: Plugin = {
  name: 'source-import-meta-url',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

const UNBUNDLED = ['pdfkit', '@fastify/swagger-ui', 'esbuild', 'tsx', 'pino', 'thread-stream', 'dejavu-fonts-ttf', 'snowball-stemmers'];

export async function buildProduct(): Promise<void> {
  // The bundle trusts the catalog it carries: a bad entry fails the build here, on its schema check.
  await import('../flows/catalog');
  await mkdir(publicDir, { recursive: true });
  await Promise.all(Object.entries(SCRIPTS).map(async ([name, entry]) => writeFile(new URL(name, publicDir), await bundle(entry))));
  // The understanding of typed text, trained here once instead of at every start (flows/nlu/model-file.ts),
  // and not again by the next build while its sources stay the same.
  const { file, phrases } = await cachedModel();
  await copyFile(file, modelFile);
  // Chunks of an earlier build: their names are hashes of their contents.
  for (const name of await readdir(dist)) if (name.startsWith('chunk-')) await rm(new URL(name, dist));
  await build({
    entryPoints: { main: fileURLToPath(new URL('main.ts', root)) },
    outdir: fileURLToPath(dist),
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    // What is imported dynamically (the training and its phrases) goes into a chunk of its own.
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages go into the bundle too (resolving and wrapping hundreds of files took half the start),
    // except those that read files of their own beside their code, or are loaded when first used.
    external: UNBUNDLED,
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    define: { PREBUILT_SCRIPTS: JSON.stringify(fileURLToPath(publicDir)), PREBUILT_MODEL: JSON.stringify(fileURLToPath(modelFile)), PREBUILT_PHRASES: JSON.stringify(phrases) },
    plugins: [sourceUrls],
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildProduct();
