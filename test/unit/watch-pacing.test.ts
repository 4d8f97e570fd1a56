import { describe, expect, test } from 'vitest';
import { nextPollInterval, sleepBeforeNextPoll } from '../../src/watch/pacing.js';

describe('pacing', () => {
  test.each([
    { current: 2_000, throttled: true, next: 4_000 },
    { current: 4_000, throttled: true, next: 8_000 },
    { current: 8_000, throttled: true, next: 8_000 },
    { current: 8_000, throttled: false, next: 4_000 },
    { current: 4_000, throttled: false, next: 2_000 },
    { current: 2_000, throttled: false, next: 2_000 },
  ])('$current ms, throttled $throttled → $next ms', ({ current, throttled, next }) => {
    expect(nextPollInterval(current, 2_000, throttled)).toBe(next);
  });

  test.each([
    { now: 100, started: 0, interval: 2_000, deadline: 60_000, sleep: 1_900 },
    { now: 2_500, started: 0, interval: 2_000, deadline: 60_000, sleep: 0 },
    { now: 59_000, started: 59_000, interval: 2_000, deadline: 60_000, sleep: 1_000 },
  ])('sleep before next poll %#', ({ now, started, interval, deadline, sleep }) => {
    expect(sleepBeforeNextPoll(now, started, interval, deadline)).toBe(sleep);
  });
});
