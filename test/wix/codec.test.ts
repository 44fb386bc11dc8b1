// Item codecs: Velo objects (Dates stay Date) and REST DataItems ({"$date"} at any depth).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fromWixItem, fromWixRestItem, toWixItem, toWixRestItem } from '../../src/wix';
import { anyDoc, anyDocWithId } from '../support/wix-arbitraries';

describe('codecs: examples', () => {
  const doc = { _id: 'e1', title: 'Launch', at: new Date('2024-05-01T10:00:00.000Z'), meta: { seen: [new Date(0), 'x'] } };

  it('toWixRestItem wraps the item and writes Dates as {"$date"} at any depth', () => {
    expect(toWixRestItem(doc, 'Events')).toEqual({
      id: 'e1',
      dataCollectionId: 'Events',
      data: { _id: 'e1', title: 'Launch', at: { $date: '2024-05-01T10:00:00.000Z' }, meta: { seen: [{ $date: '1970-01-01T00:00:00.000Z' }, 'x'] } },
    });
  });
  it('fromWixRestItem reads Dates back and fills _id from id when data lacks it', () => {
    const back = fromWixRestItem({ id: 'e2', data: { when: { $date: '2024-01-01T00:00:00Z' } } });
    expect(back).toEqual({ _id: 'e2', when: new Date('2024-01-01T00:00:00Z') });
  });
  it('toWixItem / fromWixItem copy deeply, keep Dates as Dates and drop undefined', () => {
    const item = toWixItem(doc);
    expect(item).toEqual(doc);
    expect(item.at).not.toBe(doc.at);
    expect(fromWixItem({ a: 1, b: undefined })).toEqual({ a: 1 });
  });
  it('refuses non-objects, cycles and a REST item without an _id', () => {
    expect(() => toWixItem('x' as never)).toThrow(TypeError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => fromWixItem(cyclic)).toThrow(/cycle/);
    expect(() => toWixRestItem({ a: 1 }, 'C')).toThrow(/_id/);
  });
});

describe('codecs: round trips', () => {
  it('fromWixRestItem(toWixRestItem(d)) equals d', () => {
    fc.assert(fc.property(anyDocWithId, (d) => {
      expect(fromWixRestItem(toWixRestItem(d, 'C'))).toEqual(d);
    }), { numRuns: 300 });
  });
  it('the REST form survives JSON', () => {
    fc.assert(fc.property(anyDocWithId, (d) => {
      const wire = JSON.parse(JSON.stringify(toWixRestItem(d, 'C'))) as ReturnType<typeof toWixRestItem>;
      expect(fromWixRestItem(wire)).toEqual(d);
    }), { numRuns: 200 });
  });
  it('fromWixItem(toWixItem(d)) equals d', () => {
    fc.assert(fc.property(anyDoc, (d) => {
      expect(fromWixItem(toWixItem(d))).toEqual(d);
    }), { numRuns: 300 });
  });
});
