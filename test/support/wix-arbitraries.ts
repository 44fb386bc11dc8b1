// fast-check arbitraries for the Wix tests: documents (Dates, nesting, arrays) and MongoDB filters
// drawn only from what toWixQuery translates.
import fc from 'fast-check';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const key = fc.string({ minLength: 1, maxLength: 6 }).filter((k) => !k.startsWith('$') && !FORBIDDEN.has(k));
const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true });
const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)));
const scalar = fc.oneof(fc.string({ maxLength: 8 }), number, fc.boolean(), fc.constant(null), date);

/** Any storable document: nested objects and arrays, Dates at any depth. */
export const anyDoc = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('value'), { maxLength: 3 }), tie('object')),
  object: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
})).object as fc.Arbitrary<Record<string, unknown>>;

export const anyDocWithId = fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), anyDoc).map(([id, doc]) => ({ ...doc, _id: id }));

// The equivalence property uses a few fields with mixed types so type-strictness and case matter.
const word = fc.constantFrom('alpha', 'Alpha', 'ALPHA', 'beta', 'Beta', 'gamma', 'a.b', 'A.B', '');
const small = fc.integer({ min: 0, max: 5 });
const fieldValue = fc.oneof(small, word, fc.boolean(), fc.constant(null), fc.array(fc.oneof(small, word), { maxLength: 3 }),
  fc.constantFrom(new Date('2020-01-01T00:00:00Z'), new Date('2021-01-01T00:00:00Z')), small.map(String));
export const FIELDS = ['a', 'b', 's'] as const;

export const mixedDoc = fc.record(
  { a: fieldValue, b: fieldValue, s: fieldValue },
  { requiredKeys: [] },
);

const field = fc.constantFrom(...FIELDS);
const comparable = fc.oneof(small, word, fc.constantFrom(new Date('2020-06-01T00:00:00Z')), small.map(String));
const literal = fc.constantFrom('al', 'AL', 'ta', 'a.', '.b', 'Be', 'mm');

const leaf: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.tuple(field, fc.oneof(small, word, fc.boolean())).map(([f, v]) => ({ [f]: v })),
  field.map((f) => ({ [f]: null })),
  fc.tuple(field, fc.oneof(small, word, fc.boolean(), fc.constant(null))).map(([f, v]) => ({ [f]: { $ne: v } })),
  fc.tuple(field, fc.constantFrom('$gt', '$gte', '$lt', '$lte'), comparable).map(([f, op, v]) => ({ [f]: { [op]: v } })),
  fc.tuple(field, fc.constantFrom('$in', '$nin', '$all'), fc.array(fc.oneof(small, word), { minLength: 1, maxLength: 3 })).map(([f, op, v]) => ({ [f]: { [op]: v } })),
  fc.tuple(field, literal, fc.constantFrom('^', '', '$')).map(([f, text, anchor]) => {
    const source = text.replace('.', '\\.');
    return { [f]: { $regex: anchor === '^' ? `^${source}` : anchor === '$' ? `${source}$` : source, $options: 'i' } };
  }),
  fc.tuple(field, small).map(([f, v]) => ({ [f]: { $not: { $gt: v } } })),
  field.map((f) => ({ [f]: { $exists: true, $ne: null } })),
);

/** Filters toWixQuery translates: leaves under $and/$or/$nor, two levels deep. */
export const translatableFilter: fc.Arbitrary<Record<string, unknown>> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, leaf, tie('compound')),
  compound: fc.tuple(fc.constantFrom('$and', '$or', '$nor'), fc.array(tie('node'), { minLength: 1, maxLength: 3 })).map(([op, subs]) => ({ [op]: subs })),
})).node as fc.Arbitrary<Record<string, unknown>>;
