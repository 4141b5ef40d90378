import { TooManyRequestsError } from './errors';

/**
 * At most `max` runs of some costly work at once in this process; a run beyond that is refused
 * with a 429 rather than queued, so that callers cannot pile up work (and memory) behind it.
 */
export class ConcurrencyLimit {
  #running = 0;

  constructor(private readonly max: number, private readonly what: string) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running >= this.max) {
      throw new TooManyRequestsError(
        `${this.what}: ${this.max} already running on this backend; retry in a few seconds`,
      );
    }
    this.#running += 1;
    try {
      return await work();
    } finally {
      this.#running -= 1;
    }
  }
}
