/**
 * A small in-memory cache whose entries expire after a fixed time; the oldest entries are dropped
 * when it is full. Values may be promises, so that concurrent look-ups of one key share one call.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();

  constructor(
    private readonly options: {
      ttlMs: number;
      maxEntries: number;
      now?: () => number;
    },
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      return undefined;
    }
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) {
        this.entries.delete(oldest.value);
      }
    }
    this.entries.set(key, { value, expires: this.now() + this.options.ttlMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  private now() {
    return this.options.now ? this.options.now() : Date.now();
  }
}
