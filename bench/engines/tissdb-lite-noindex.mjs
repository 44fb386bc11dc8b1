import { loadTissDBLite, makeEngine } from './tissdb-lite-adapter.mjs';

export const info = { name: 'tissdb-lite, no secondary indexes', package: 'tissdb-lite' };
const mod = await loadTissDBLite();
export const create = () => makeEngine(mod, { indexes: [] });
