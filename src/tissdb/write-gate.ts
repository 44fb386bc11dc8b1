// One write in flight per server by default: the real server acknowledges concurrent writes and
// then loses some of them, or crashes (tissdb-wire.md §8). Gates are shared by every client of the
// same base URL in this JavaScript realm.

export class WriteGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    // A finishing task hands its slot straight to the next waiter, so no newcomer can slip in between.
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

const gates = new Map<string, WriteGate>();

export function gateFor(baseUrl: string, limit: number): WriteGate {
  const key = `${baseUrl}#${limit}`;
  let gate = gates.get(key);
  if (gate === undefined) {
    gate = new WriteGate(limit);
    gates.set(key, gate);
  }
  return gate;
}
