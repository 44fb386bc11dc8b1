// MongoDB update operators (https://www.mongodb.com/docs/manual/reference/operator/update/),
// applied by mingo's updater to private copies so a failed update leaves stored data untouched.
import { updateMany } from 'mingo';
import * as updateOperators from 'mingo/operators/update';
import { isEqual } from 'mingo/util';
import { TissDBLiteError } from './errors';
import { assertSafeExpression } from './guard';
import type { Doc, Filter, UpdateSpec } from './types';
import { cloneValue } from './values';

const SUPPORTED = new Set([
  '$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$push', '$pull', '$pullAll',
  '$addToSet', '$pop', '$currentDate', '$setOnInsert',
]);

/** A validated update, ready to apply to any number of documents. */
export interface PreparedUpdate {
  /**
   * Returns mutable updated copies of `docs` (same order) and which of them changed. The inputs are
   * never touched.
   */
  apply(docs: readonly Doc[], condition: Filter): { docs: Doc[]; changed: boolean[] };
  /** The fields `$setOnInsert` sets when an upsert inserts. */
  readonly onInsert: Record<string, unknown> | undefined;
}

function invalid(context: string, message: string, cause?: unknown): TissDBLiteError {
  return new TissDBLiteError('INVALID_ARGUMENT', `${context}: ${message}`, cause === undefined ? {} : { cause });
}

/** Operators that need a number, or an array, at their path (MongoDB errors otherwise; mingo skips). */
const NUMERIC_OPS = ['$inc', '$mul'];
const ARRAY_OPS = ['$push', '$addToSet', '$pop', '$pull', '$pullAll'];

/** The value at a plain dotted path (positional paths are left to mingo). */
function valueAt(doc: Doc, path: string): unknown {
  let current: unknown = doc;
  for (const segment of path.split('.')) {
    if (typeof current !== 'object' || current === null || current instanceof Date) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function checkTypes(doc: Doc, modifier: Record<string, Record<string, unknown>>, context: string): void {
  for (const [op, fields] of Object.entries(modifier)) {
    const wantsNumber = NUMERIC_OPS.includes(op);
    if (!wantsNumber && !ARRAY_OPS.includes(op)) continue;
    for (const path of Object.keys(fields)) {
      if (path.includes('$')) continue;
      const value = valueAt(doc, path);
      if (value === undefined) continue;
      if (wantsNumber ? typeof value !== 'number' : !Array.isArray(value)) {
        throw invalid(context, `cannot apply ${op} to "${path}" of document "${String(doc._id)}": it holds a ${Array.isArray(value) ? 'array' : typeof value}, not ${wantsNumber ? 'a number' : 'an array'}`);
      }
    }
  }
}

function targetsId(path: string): boolean {
  return path === '_id' || path.startsWith('_id.');
}

/**
 * Checks `spec` and turns `$currentDate` into `$set` with the database clock, so updates are
 * deterministic under an injected `now()`.
 */
export function prepareUpdate(spec: UpdateSpec, now: Date, context: string): PreparedUpdate {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw invalid(context, 'update must be an object of update operators');
  }
  const ops = Object.keys(spec);
  if (ops.length === 0) throw invalid(context, 'update is empty');
  assertSafeExpression(spec, context);
  const modifier: Record<string, Record<string, unknown>> = {};
  let onInsert: Record<string, unknown> | undefined;
  for (const op of ops) {
    if (!op.startsWith('$')) {
      throw invalid(context, `"${op}" is not an update operator (use replace() to replace a whole document)`);
    }
    if (!SUPPORTED.has(op)) throw invalid(context, `unsupported update operator ${op}`);
    const fields = spec[op];
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
      throw invalid(context, `${op} takes an object of field paths`);
    }
    for (const [path, value] of Object.entries(fields)) {
      if (targetsId(path) || (op === '$rename' && typeof value === 'string' && targetsId(value))) {
        throw invalid(context, `${op} may not change _id (it is immutable)`);
      }
    }
    if (op === '$setOnInsert') {
      onInsert = fields as Record<string, unknown>;
    } else if (op === '$currentDate') {
      const set = (modifier.$set ??= {});
      for (const [path, how] of Object.entries(fields)) {
        const asTimestamp = typeof how === 'object' && how !== null && (how as { $type?: unknown }).$type === 'timestamp';
        set[path] = asTimestamp ? now.getTime() : new Date(now.getTime());
      }
    } else {
      modifier[op] = { ...(modifier[op] ?? {}), ...(fields as Record<string, unknown>) };
    }
  }
  // The positional `$` operator needs the query (to find the matched array element), so it goes
  // through mingo's updateMany. Everything else runs mingo's operator functions directly:
  // updateMany rebuilds its whole operator context on every call (~40 us), which made
  // single-document updates cost more than the rest of the write.
  const positional = Object.values(modifier).some((fields) => Object.keys(fields).some((path) => /(^|\.)\$(\.|$)/.test(path)));
  const direct = positional ? undefined : operatorFunctions(modifier, context);
  return {
    onInsert,
    apply(docs, condition) {
      for (const doc of docs) checkTypes(doc, modifier, context);
      const copies = docs.map((doc) => cloneValue(doc));
      try {
        if (direct) {
          for (const copy of copies) for (const apply of direct) apply(copy);
        } else if (Object.keys(modifier).length > 0) {
          updateMany(copies, condition, modifier, { cloneMode: 'deep' }, { scriptEnabled: false });
        }
      } catch (error) {
        throw invalid(context, error instanceof Error ? error.message : String(error), error);
      }
      return { docs: copies, changed: copies.map((copy, i) => !isEqual(copy, docs[i])) };
    },
  };
}

type OperatorFactory = (expr: Record<string, unknown>) => (doc: Record<string, unknown>) => string[];

/**
 * mingo's own operator functions, built once per update. updateMany would also refuse two
 * operators touching the same path (or one inside the other), so that check is kept here.
 */
function operatorFunctions(modifier: Record<string, Record<string, unknown>>, context: string): Array<(doc: Doc) => string[]> {
  const paths: string[] = [];
  for (const [op, fields] of Object.entries(modifier)) {
    for (const [path, value] of Object.entries(fields)) {
      paths.push(path);
      if (op === '$rename' && typeof value === 'string') paths.push(value);
    }
  }
  for (const [i, a] of paths.entries()) {
    for (const b of paths.slice(i + 1)) {
      if (a === b || b.startsWith(`${a}.`) || a.startsWith(`${b}.`)) {
        throw invalid(context, `updating the path '${b}' would create a conflict at '${a}'`);
      }
    }
  }
  const factories = updateOperators as unknown as Record<string, OperatorFactory>;
  try {
    return Object.entries(modifier).map(([op, fields]) => (factories[op] as OperatorFactory)(fields) as (doc: Doc) => string[]);
  } catch (error) {
    throw invalid(context, error instanceof Error ? error.message : String(error), error);
  }
}

/**
 * The document an upsert starts from: the filter's top-level equality conditions (MongoDB's rule),
 * including those inside a top-level `$and`.
 */
export function upsertSeed(filter: Filter): Record<string, unknown> {
  const seed: Record<string, unknown> = {};
  const visit = (f: Filter): void => {
    for (const [key, value] of Object.entries(f)) {
      if (key === '$and' && Array.isArray(value)) {
        for (const part of value) visit(part as Filter);
      } else if (!key.startsWith('$') && !key.includes('.')) {
        if (typeof value !== 'object' || value === null || value instanceof Date || Array.isArray(value)) {
          seed[key] = value;
        } else if ('$eq' in value) {
          seed[key] = (value as { $eq: unknown }).$eq;
        } else if (!Object.keys(value).some((k) => k.startsWith('$'))) {
          seed[key] = value;
        }
      }
    }
  };
  visit(filter);
  return seed;
}
