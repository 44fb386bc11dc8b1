// The error class lives with the language, the innermost layer, so TissQL can throw it without
// importing anything of ours; the core re-exports it as part of its public face.
export { TissDBLiteError, isTissDBLiteError } from '../tissql/errors';
export type { ErrorCode, ErrorDetails } from '../tissql/errors';
