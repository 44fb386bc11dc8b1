import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';

// One entry per public subpath: `src/core` is the package root, every other folder with an
// index.ts is `tissdb-lite/<folder>`. Folders without an index (internals) are not entries.
const entry: Record<string, string> = { index: 'src/core/index.ts' };
for (const dir of readdirSync('src', { withFileTypes: true })) {
  if (!dir.isDirectory() || dir.name === 'core' || dir.name.startsWith('_')) continue;
  const file = `src/${dir.name}/index.ts`;
  if (existsSync(file)) entry[dir.name === 'cli' ? 'cli' : `${dir.name}/index`] = file;
}

export default defineConfig({
  entry,
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node18',
  splitting: true,
  treeshake: true,
  shims: false,
});
