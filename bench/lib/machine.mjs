// The machine and package versions a results table was measured with.
import { readFileSync } from 'node:fs';
import os from 'node:os';

const root = new URL('../../', import.meta.url);

export function packageVersion(name) {
  try {
    const file = name === 'tissdb-lite' ? 'package.json' : `node_modules/${name}/package.json`;
    return JSON.parse(readFileSync(new URL(file, root), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    load: os.loadavg().map((x) => x.toFixed(1)).join(' '),
  };
}
