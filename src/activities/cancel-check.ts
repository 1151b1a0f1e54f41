/**
 * The export part's cancel check, run before rows by the BCP encoder (its `checkpoint`): at most
 * every `intervalMs` it asks `isCancelled()` and holds the next row until the answer; a cancelled
 * run fails the stream with the error `cancelled()` makes. This is how an export part notices a
 * cancel: durable terminate does not stop running activities. Between checks a row costs a counter
 * increment (the clock is read once per 64 rows).
 */
export class CancelCheck {
  private lastCheck = Date.now();
  private sinceClock = 0;

  constructor(
    private readonly intervalMs: number,
    private readonly isCancelled: () => Promise<boolean>,
    private readonly cancelled: () => Error,
  ) {}

  readonly checkpoint = (): Promise<void> | undefined => {
    this.sinceClock += 1;
    if (this.sinceClock < ROWS_PER_CLOCK_READ) return undefined;
    this.sinceClock = 0;
    const now = Date.now();
    if (now - this.lastCheck < this.intervalMs) return undefined;
    this.lastCheck = now;
    return this.isCancelled().then((cancelled) => {
      if (cancelled) throw this.cancelled();
    });
  };
}

const ROWS_PER_CLOCK_READ = 64;
