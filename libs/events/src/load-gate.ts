import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/** Whether this thread's event loop is saturated right now (background consumers wait if so). */
export interface LoadGate {
  saturated(): boolean;
}

export interface EventLoopGateOptions {
  /** Share of the last window the loop spent running code, from which it counts as saturated (default 0.9). */
  threshold?: number;
  /** The window the share is measured over (default 100 ms). */
  windowMs?: number;
}

/**
 * Reads the thread's event loop utilisation (the share of time it ran callbacks rather than
 * waited for I/O), over windows of `windowMs`: asked more often, it answers the last window's
 * verdict; asked after a quiet spell, it measures the whole spell.
 */
export function eventLoopGate(opts: EventLoopGateOptions = {}): LoadGate {
  const threshold = opts.threshold ?? 0.9;
  const windowMs = opts.windowMs ?? 100;
  let mark: EventLoopUtilization = performance.eventLoopUtilization();
  let markedAt = performance.now();
  let busy = false;
  return {
    saturated() {
      const now = performance.now();
      if (now - markedAt >= windowMs) {
        const current = performance.eventLoopUtilization();
        busy = performance.eventLoopUtilization(current, mark).utilization >= threshold;
        mark = current;
        markedAt = now;
      }
      return busy;
    },
  };
}
