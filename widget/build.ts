import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Bundles a browser entry of widget/ into one minified script, in memory. */
export async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** A bundle's size as a browser downloads it, gzipped, in bytes (the widget is held to 30 KB). */
export function gzippedSize(script: string): number {
  return gzipSync(script, { level: 9 }).length;
}

// `node --import tsx widget/build.ts` prints each bundle's size.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const entry of ['chat/index.ts', 'operator/index.ts']) {
    const script = await bundle(entry);
    console.log(`${entry}: ${(script.length / 1024).toFixed(1)} KB, ${(gzippedSize(script) / 1024).toFixed(1)} KB gzipped`);
  }
}
