// The shared tick of a run of many services: a watcher that polls on the poll interval wakes on every tick.
import { describe, expect, test } from 'vitest';
import type { Clock } from '../../src/clock.js';
import { sharedTickClock } from '../../src/fleet/shared-tick.js';
import { sleepBeforeNextPoll } from '../../src/watch/pacing.js';

/** A clock whose sleeps move time on at once, noting when each sleep ended. */
function steppedClock(start: number): Clock & { woke: number[]; advance(ms: number): void } {
  let now = start;
  const woke: number[] = [];
  return {
    woke,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    sleep: async (ms) => {
      now += ms;
      woke.push(now);
    },
  };
}

describe('sharedTickClock', () => {
  test.for([1_000, 2_000, 3_000])('a watcher pacing its polls %i ms apart wakes on every tick, not every other one', async (period) => {
    const base = steppedClock(0);
    const clock = sharedTickClock(base, period, 0);
    await clock.sleep(0);
    for (let poll = 0; poll < 5; poll++) {
      // The poll starts a little after the tick and its answer takes a while, as on a real timer and network.
      base.advance(4);
      const pollStartedAt = base.now();
      base.advance(40);
      await clock.sleep(sleepBeforeNextPoll(base.now(), pollStartedAt, period, Number.MAX_SAFE_INTEGER));
    }
    expect(base.woke).toEqual([0, 1, 2, 3, 4, 5].map((tick) => tick * period));
  });

  test('a watcher that starts between two ticks waits for the next one', async () => {
    const base = steppedClock(2_700);
    await sharedTickClock(base, 2_000, 0).sleep(0);
    expect(base.woke).toEqual([4_000]);
    const early = steppedClock(2_200);
    await sharedTickClock(early, 2_000, 0).sleep(0);
    expect(early.woke).toEqual([4_000]);
  });

  test('a longer sleep (a throttled watcher slowing down) still ends on a tick', async () => {
    const base = steppedClock(10);
    await sharedTickClock(base, 2_000, 0).sleep(8_000);
    expect(base.woke).toEqual([8_000]);
  });
});
