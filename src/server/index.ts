// tissdb-lite/server: a fake TissDB for tests and local development (Node only).
export { startFakeTissDB } from './start';
export { createTissDBHandler } from './node-handler';
export { resolveQuirks } from './quirks';
export { DEFAULT_ADMIN_TOKEN, DEFAULT_READ_ONLY_TOKEN } from './options';
export type { FakeTissDB } from './start';
export type { TissDBRequestListener } from './node-handler';
export type { FakeTissDBOptions, RequestLogEntry } from './options';
export type { QuirkSwitches, QuirksOption } from './quirks';
