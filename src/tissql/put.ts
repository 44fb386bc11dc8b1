/**
 * Sets an own property whatever the key. Row keys come from statement text (`SELECT x AS
 * __proto__`, `INSERT INTO t (__proto__)`), and plain assignment to `__proto__` would swap the
 * row's prototype instead; with the key kept, the core's document checks see it and refuse it.
 */
export function put(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
