// Reads the built package the way users get it: every subpath in package.json's exports map must
// load in ESM and CJS, and the browser-safe entries must not import Node built-ins.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, { import: { default: string; types: string }; require: { default: string; types: string } } | string>;
};
const subpaths = Object.entries(pkg.exports).filter(([key, value]) => key !== './package.json' && typeof value !== 'string');
const require = createRequire(import.meta.url);
const NODE_ONLY = new Set(['./server', './cli']);

/** Every file a built entry pulls in through relative imports (tsup splits shared code into chunks). */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.[^"']+)["']/g)) {
    closure(join(dirname(file), match[1]!), seen);
  }
  return seen;
}

describe('built package', () => {
  it('has a dist build', () => {
    expect(readdirSync(join(root, 'dist'))).toContain('index.js');
  });

  it.each(subpaths)('%s loads as ESM and CJS with the same export names', async (subpath, target) => {
    if (typeof target === 'string') return;
    const esm = (await import(pathToFileURL(join(root, target.import.default)).href)) as Record<string, unknown>;
    const cjs = require(join(root, target.require.default)) as Record<string, unknown>;
    expect(Object.keys(esm).length).toBeGreaterThan(0);
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    expect(readFileSync(join(root, target.import.types), 'utf8').length).toBeGreaterThan(0);
    expect(readFileSync(join(root, target.require.types), 'utf8').length).toBeGreaterThan(0);
  });

  it.each(subpaths.filter(([s]) => !NODE_ONLY.has(s)))('%s imports nothing from node: (runs in browsers and Velo)', (_subpath, target) => {
    if (typeof target === 'string') return;
    for (const file of closure(join(root, target.import.default))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from\s*["']node:|import\(\s*["']node:|require\(\s*["']node:/);
    }
  });

  it('exposes the core API names from API.md', async () => {
    const core = (await import(pathToFileURL(join(root, 'dist/index.js')).href)) as Record<string, unknown>;
    for (const name of ['TissDBLite', 'Collection', 'TissDBLiteError', 'isTissDBLiteError']) expect(core[name], name).toBeDefined();
  });
});
