// Internal barrel of the query layer (not part of the public API).
export { IndexManager } from './index-manager';
export type { IndexChange, IndexCreateSpec } from './index-manager';
export { runFind, countMatches, findIn } from './execute';
export type { FindResult, RunOptions } from './execute';
export { compileFilter } from './compile';
export type { DocPredicate } from './compile';
export { applyProjection, projector } from './projection';
export { compareValues } from './compare';
export { aggregateFast } from './aggregate';
export type { StageRunner } from './aggregate';
