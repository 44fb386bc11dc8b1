// Random documents, filters and index sets for the query layer's property tests. Small value
// domains on purpose: equal keys, mixed types and arrays must collide often to be interesting.
import fc from 'fast-check';
import type { Doc, Filter } from '../../src/core/types';

const DATES = [new Date('2020-01-01T00:00:00Z'), new Date('2021-06-01T00:00:00Z'), new Date(0)];

export const qScalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -2, max: 3 }) },
  { weight: 3, arbitrary: fc.constantFrom('a', 'b', 'c', '1', '') },
  { weight: 1, arbitrary: fc.constantFrom(0.5, -0) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom(...DATES).map((d) => new Date(d.getTime())) },
);

export const qValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { weight: 6, arbitrary: qScalar },
    { weight: 2, arbitrary: tie('array') },
    { weight: 1, arbitrary: tie('object') },
  ),
  array: fc.array(tie('value'), { maxLength: 3 }),
  object: fc.record({ x: tie('value'), y: qScalar }, { requiredKeys: [], noNullPrototype: true }),
})).value;

/** Field names used by documents, filters, sorts and indexes. */
export const FIELDS = ['a', 'b', 'c', 'n.x', 'n.y', 'arr.x', 'a.0', 'b.x'] as const;

const arbN = fc.oneof(
  fc.record({ x: qValue, y: qScalar }, { requiredKeys: [], noNullPrototype: true }),
  fc.array(fc.record({ x: qValue }, { requiredKeys: [], noNullPrototype: true }), { maxLength: 2 }),
  qScalar,
);

export const qFields = fc.record(
  {
    a: qValue,
    b: qValue,
    c: qScalar,
    n: arbN,
    arr: fc.array(fc.record({ x: qScalar }, { requiredKeys: [], noNullPrototype: true }), { maxLength: 3 }),
  },
  { requiredKeys: [], noNullPrototype: true },
);

/** Documents with unique ids `d0`, `d1`, ... in insertion order. */
export const qDocs = (maxLength = 40): fc.Arbitrary<Doc[]> =>
  fc.array(qFields, { minLength: Math.min(12, maxLength), maxLength, size: 'max' }).map((list) => list.map((f, i) => ({ _id: `d${i}`, ...f }) as Doc));

const path = fc.constantFrom(...FIELDS);
/** Filter operands: mostly scalars, so they hit stored values often. */
const operand: fc.Arbitrary<unknown> = fc.oneof({ weight: 8, arbitrary: qScalar }, { weight: 2, arbitrary: qValue });
const rangeValue = fc.oneof(fc.integer({ min: -2, max: 3 }), fc.constantFrom('a', 'b', '1'), fc.constantFrom(...DATES));

const leaf: fc.Arbitrary<Filter> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(path, operand).map(([p, v]) => ({ [p]: v })) },
  { weight: 2, arbitrary: fc.tuple(path, operand).map(([p, v]) => ({ [p]: { $eq: v } })) },
  { weight: 1, arbitrary: fc.tuple(path, operand).map(([p, v]) => ({ [p]: { $ne: v } })) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(path, fc.constantFrom('$gt', '$gte', '$lt', '$lte'), rangeValue, fc.option(fc.tuple(fc.constantFrom('$gt', '$gte', '$lt', '$lte'), rangeValue), { nil: undefined }))
      .map(([p, op, v, more]) => ({ [p]: more ? { [op]: v, [more[0]]: more[1] } : { [op]: v } })),
  },
  { weight: 3, arbitrary: fc.tuple(path, fc.array(operand, { maxLength: 3 })).map(([p, vs]) => ({ [p]: { $in: vs } })) },
  { weight: 1, arbitrary: fc.tuple(path, fc.array(operand, { maxLength: 3 })).map(([p, vs]) => ({ [p]: { $nin: vs } })) },
  { weight: 1, arbitrary: fc.tuple(path, fc.boolean()).map(([p, b]) => ({ [p]: { $exists: b } })) },
  { weight: 1, arbitrary: fc.tuple(path, fc.integer({ min: 0, max: 2 })).map(([p, n]) => ({ [p]: { $size: n } })) },
  { weight: 1, arbitrary: path.map((p) => ({ [p]: { $regex: '^[ab]' } })) },
  { weight: 1, arbitrary: fc.tuple(path, rangeValue).map(([p, v]) => ({ [p]: { $not: { $gt: v } } })) },
  { weight: 1, arbitrary: fc.tuple(path, qScalar).map(([p, v]) => ({ [p]: { $elemMatch: { $eq: v } } })) },
  { weight: 1, arbitrary: fc.tuple(path, fc.constantFrom('number', 'string', 'array', 'null', 'date')).map(([p, t]) => ({ [p]: { $type: t } })) },
);

/** Random filters: leaves combined with implicit AND, $and, $or, $nor. */
export const qFilter: fc.Arbitrary<Filter> = fc.letrec<{ filter: Filter }>((tie) => ({
  filter: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    { weight: 5, arbitrary: leaf },
    { weight: 2, arbitrary: fc.tuple(leaf, leaf).map(([x, y]) => ({ ...y, ...x })) },
    { weight: 2, arbitrary: fc.array(tie('filter'), { minLength: 1, maxLength: 3 }).map((fs) => ({ $and: fs })) },
    { weight: 2, arbitrary: fc.array(tie('filter'), { minLength: 1, maxLength: 3 }).map((fs) => ({ $or: fs })) },
    { weight: 1, arbitrary: fc.array(tie('filter'), { minLength: 1, maxLength: 2 }).map((fs) => ({ $nor: fs })) },
    { weight: 1, arbitrary: fc.tuple(leaf, fc.array(tie('filter'), { minLength: 1, maxLength: 2 })).map(([l, fs]) => ({ ...l, $or: fs })) },
  ),
})).filter;

/** Filters the planner can serve from indexes: leaves, their conjunctions and unions. */
export const qIndexableFilter: fc.Arbitrary<Filter> = fc.oneof(
  leaf,
  fc.tuple(leaf, leaf).map(([x, y]) => ({ ...y, ...x })),
  fc.array(leaf, { minLength: 1, maxLength: 3 }).map((fs) => ({ $or: fs })),
  fc.tuple(leaf, fc.array(leaf, { minLength: 1, maxLength: 3 })).map(([l, fs]) => ({ $and: [l, { $or: fs }] })),
);

export const INDEX_CHOICES: ReadonlyArray<{ fields: string[]; unique: boolean }> = [
  { fields: ['a'], unique: false },
  { fields: ['b'], unique: false },
  { fields: ['c'], unique: false },
  { fields: ['n.x'], unique: false },
  { fields: ['arr.x'], unique: false },
  { fields: ['a', 'c'], unique: false },
  { fields: ['c', 'b'], unique: false },
  { fields: ['a.0'], unique: false },
  { fields: ['b.x', 'n.x'], unique: false },
];

export const qIndexSet = fc.subarray([...INDEX_CHOICES], { minLength: 1 });

export const qSort = fc.option(
  fc.oneof(
    fc.tuple(path, fc.constantFrom(1 as const, -1 as const)).map(([p, d]) => ({ [p]: d })),
    fc.tuple(path, path, fc.constantFrom(1 as const, -1 as const)).filter(([p, q]) => p !== q).map(([p, q, d]) => ({ [p]: d, [q]: -d as 1 | -1 })),
  ),
  { nil: undefined },
);
