// The simulator's notion of "now": the injected clock plus an offset that the control
// surface can advance (so a demo can let holds expire without waiting).
export interface Clock {
  now(): Date;
  advance(minutes: number): Date;
  reset(): void;
}

export function createClock(source: () => Date = () => new Date()): Clock {
  let offsetMs = 0;
  return {
    now: () => new Date(source().getTime() + offsetMs),
    advance(minutes) {
      offsetMs += minutes * 60_000;
      return new Date(source().getTime() + offsetMs);
    },
    reset() {
      offsetMs = 0;
    },
  };
}
