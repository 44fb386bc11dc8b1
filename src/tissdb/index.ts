// tissdb-lite/tissdb: a client for the TissDB REST API and its wire codec. No `node:` imports:
// this entry runs in Node 18+, browsers and Wix Velo.
export { TissDBClient } from './client';
export { TissDBError, isTissDBError, codeFor as tissDBErrorCode } from './errors';
export { encodeTissDBDocument, decodeTissDBDocument } from './codec';
export { bindParams, tissqlLiteral } from './bind-params';
export { readResponseJson } from './response-read';
export { readTissDBJson } from './wire-json-read';
export { writeTissDBJson, compareBytewise } from './wire-json-write';
export { formatCppDouble, survivesCppDouble } from './wire-number';
export type { TissDBClientOptions, BulkInsertOptions, TissDBFindOptions } from './client-options';
export type { TissDBErrorCode } from './errors';
export type { BindOptions } from './bind-params';
export type { JsonObject, JsonValue, TissDBCodecOptions } from './codec';
export type { FetchLike } from './transport';
export type { ResponseStrings } from './response-read';
export type { WireJson, WireReadResult } from './wire-json-read';
export type { WireWriteOptions } from './wire-json-write';
