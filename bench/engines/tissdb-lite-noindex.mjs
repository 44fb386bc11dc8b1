import { loadTissDBLite, makeEngine } from './tissdb-lite-adapter.mjs';

// The scaling table's yardstick: zero-copy like tissdb-lite-noclone, so both sides differ only by
// the indexes (copying every returned document would dilute the planner's difference).
export const info = { name: 'tissdb-lite `clone: false`, no secondary indexes', package: 'tissdb-lite' };
const mod = await loadTissDBLite();
export const create = () => makeEngine(mod, { clone: false, indexes: [] });
