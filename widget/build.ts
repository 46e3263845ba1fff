import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The browser scripts the server serves, by name, and their entries in widget/. */
export const SCRIPTS = { 'widget.js': 'chat/index.ts', 'operator.js': 'operator/index.ts' } as const;
export type ScriptName = keyof typeof SCRIPTS;

/** Set in the server bundle by scripts/build.ts: the folder that holds the scripts built with it. */
declare const PREBUILT_SCRIPTS: string | undefined;

/**
 * Scripts bundled by this process from the sources: once each, however many servers it starts (a test
 * file starts several, and two bundles at every start under a loaded machine outlasted Fastify's plugin timeout).
 */
const bundledHere = new Map<ScriptName, Promise<string>>();

/** A script as built with the server bundle, or bundled when the server runs from its sources. */
export function browserScript(name: ScriptName): Promise<string> {
  if (typeof PREBUILT_SCRIPTS === 'string') return readFile(join(PREBUILT_SCRIPTS, name), 'utf8');
  let script = bundledHere.get(name);
  if (!script) {
    script = bundle(SCRIPTS[name]);
    bundledHere.set(name, script);
    // A failed bundle is tried again by the next start.
    script.catch(() => bundledHere.delete(name));
  }
  return script;
}

/** Bundles a browser entry of widget/ into one minified script, in memory. */
export async function bundle(entry: string): Promise<string> {
  const { build } = await import('esbuild');
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
