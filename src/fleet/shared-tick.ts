// The watchers of one run wake on a shared tick (multiples of the poll interval counted from the run's start), so
// their reads fall together and the batching wrapper can join them. A sleep ends on the tick nearest the time
// asked for, never in the past: a watcher whose poll began a few milliseconds after a tick and sleeps one
// interval wakes on the next tick, not the one after. A watcher that starts between two ticks waits for the next.
import type { Clock } from '../clock.js';

export function sharedTickClock(clock: Clock, periodMs: number, origin = clock.now()): Clock {
  return {
    now: () => clock.now(),
    sleep: (ms, signal) => {
      const now = clock.now();
      return clock.sleep(nextTick(now, now + ms, origin, periodMs) - now, signal);
    },
  };
}

/** The tick nearest `wanted`, moved one period on when that tick has already passed at `now`. */
export function nextTick(now: number, wanted: number, origin: number, periodMs: number): number {
  const nearest = origin + Math.round((wanted - origin) / periodMs) * periodMs;
  return nearest < now ? nearest + periodMs : nearest;
}
