// The emulator's notion of "now". Tests and demos move it forward (`/_emulator/clock/advance`)
// so pending balances become available and payouts arrive without waiting for days.

export interface TimeSource {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemTime: TimeSource = { now: () => Date.now() };

export const DAY_SECONDS = 86_400;

export class EmulatorClock {
  private offsetMs: number;

  constructor(
    private readonly source: TimeSource = systemTime,
    offsetMs = 0,
  ) {
    this.offsetMs = offsetMs;
  }

  nowMs(): number {
    return this.source.now() + this.offsetMs;
  }

  /** Unix seconds, the unit of every Stripe timestamp. */
  now(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** Moves the clock so that now() === seconds (never backwards). */
  moveTo(seconds: number): void {
    const deltaMs = seconds * 1000 - this.nowMs();
    if (deltaMs > 0) this.offsetMs += deltaMs;
  }
}

export function startOfDay(seconds: number): number {
  return Math.floor(seconds / DAY_SECONDS) * DAY_SECONDS;
}

export function dayIndex(seconds: number): number {
  return Math.floor(seconds / DAY_SECONDS);
}
