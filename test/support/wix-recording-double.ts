// A stand-in for a real wix-data module that records the builder calls made on it, rendered as the
// code that would make them: query("Movies").ge("year",1970).and(filter().eq("a",1)).
const METHODS = [
  'eq', 'ne', 'gt', 'ge', 'lt', 'le', 'between', 'contains', 'startsWith', 'endsWith', 'hasSome', 'hasAll',
  'isEmpty', 'isNotEmpty', 'and', 'or', 'not', 'ascending', 'descending', 'skip', 'limit', 'fields', 'include',
] as const;

export interface Recorded {
  readonly code: string;
  [method: string]: unknown;
}

function render(arg: unknown): string {
  if (typeof arg === 'object' && arg !== null && 'code' in arg) return (arg as Recorded).code;
  if (arg instanceof Date) return `Date(${arg.toISOString()})`;
  return JSON.stringify(arg);
}

function builder(code: string): Recorded {
  const b: Record<string, unknown> = { code };
  for (const m of METHODS) b[m] = (...args: unknown[]) => builder(`${code}.${m}(${args.map(render).join(',')})`);
  b.find = () => Promise.resolve({ items: [], hasNext: () => false, next: () => Promise.reject(new Error('no next')) });
  return b as Recorded;
}

export function recordingWixData() {
  return {
    query: (collection: string) => builder(`query(${JSON.stringify(collection)})`),
    filter: () => builder('filter()'),
  };
}
