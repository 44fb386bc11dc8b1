import fc from 'fast-check';

/** Field names that are valid in documents (no `$` prefix, no dots, no prototype keys). */
export const arbKey = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,6}$/).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k));

export const arbDate = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });

export const arbScalar = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.boolean(),
  fc.constant(null),
  arbDate,
);

/** JSON-like values plus Dates, nested a few levels. */
export const arbValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, arbScalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(arbKey, tie('value'), { maxKeys: 4 }),
})).value;

/** A document with a string `_id` and a few random fields. */
export function arbDocument() {
  return fc
    .record({ _id: fc.stringMatching(/^[a-z0-9]{1,8}$/), fields: fc.dictionary(arbKey.filter((k) => !k.startsWith('_')), arbValue, { maxKeys: 5 }) })
    .map(({ _id, fields }) => ({ ...fields, _id }) as Record<string, unknown> & { _id: string });
}
