// The real TissDB server's misbehaviours that the fake can reproduce, one switch each
// (tissdb-wire.md §7 and §10). `quirks: 'tissdb'` turns every switch on (parity, the default),
// `quirks: 'none'` turns every switch off (a correct server with the same API), and a partial object
// starts from parity and overrides the switches it names.

/** Each switch is `true` when the fake behaves like the real server. */
export interface QuirkSwitches {
  /** Numbers print with 6 significant digits (`1234567` → `1.23457e+06`). Loses data on the way out. */
  sixDigitNumbers: boolean;
  /** Strings and keys are written without JSON escaping, so some responses are invalid JSON. */
  unescapedStrings: boolean;
  /** A raw path of exactly `/_health` skips authentication for every method (`PUT /_health` creates a db). */
  healthAuthBypass: boolean;
  /** The read-only token may write; only `DELETE /{db}` checks roles. */
  readOnlyWrites: boolean;
  /** A commit that fails part-way keeps the operations before the failure and answers 400 "Invalid JSON body.". */
  nonAtomicCommit: boolean;
  /** Client mistakes answer as the real server does: mostly 500 with C++ exception text. Off: 400/404/409. */
  serverErrorStatuses: boolean;
  /** JSON bodies are read like the real server (lenient numbers, `\u` refused). Off: standard JSON. */
  lenientJsonReader: boolean;
  /** `_query` runs the real server's TissQL dialect (LIMIT ignored, AND/OR fold left, ...). Off: standard SQL. */
  tissdbDialect: boolean;
  /**
   * HTTP framing as the real server reads it: a body without Content-Length is whatever arrived with
   * the head, bytes past Content-Length belong to the body, chunked bodies are read as the raw chunk
   * stream (so they fail to parse), HEAD answers carry a body, lowercase methods get an answer.
   * Only `startFakeTissDB` can do all of it; a mounted handler sees what its framework parsed.
   */
  rawFraming: boolean;
}

export type QuirksOption = 'tissdb' | 'none' | Partial<QuirkSwitches>;

const PARITY: QuirkSwitches = {
  sixDigitNumbers: true,
  unescapedStrings: true,
  healthAuthBypass: true,
  readOnlyWrites: true,
  nonAtomicCommit: true,
  serverErrorStatuses: true,
  lenientJsonReader: true,
  tissdbDialect: true,
  rawFraming: true,
};

const NONE: QuirkSwitches = Object.fromEntries(Object.keys(PARITY).map((k) => [k, false])) as unknown as QuirkSwitches;

export function resolveQuirks(option: QuirksOption | undefined): QuirkSwitches {
  if (option === undefined || option === 'tissdb') return { ...PARITY };
  if (option === 'none') return { ...NONE };
  return { ...PARITY, ...option };
}
