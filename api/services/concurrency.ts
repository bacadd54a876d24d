/**
 * At most `limit` runs of a piece of heavy work at once; the rest wait their turn in order. Planning a meeting
 * walks days and ranks hundreds of suggestions: ten at once would keep the event loop busy long enough to
 * starve /healthz and every other request, one or two at a time do not.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      // Let other callbacks (e.g. a health check) run before the next heavy piece starts.
      setImmediate(() => this.waiting.shift()?.());
    }
  }
}
