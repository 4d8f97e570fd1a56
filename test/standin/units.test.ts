// The stand-in's pure parts: breaker threshold, timeline order, pagination, fault picking.
import { describe, expect, test } from 'vitest';
import { failureThreshold } from './circuit-breaker.js';
import { FaultInjector } from './faults.js';
import { paginate } from './pagination.js';
import { Timeline } from './timeline.js';

describe('failureThreshold', () => {
  test.each([
    ['half of 2 is bounded up to 3', 2, undefined, 3],
    ['half of 9 rounds up to 5', 9, undefined, 5],
    ['half of 1000 is bounded down to 200', 1000, undefined, 200],
    ['a COUNT is taken as is', 10, { type: 'COUNT', value: 1 }, 1],
    ['a BOUNDED_PERCENT keeps the bounds', 2, { type: 'BOUNDED_PERCENT', value: 100 }, 3],
    ['an UNBOUNDED_PERCENT drops them', 1000, { type: 'UNBOUNDED_PERCENT', value: 50 }, 500],
  ])('%s', (_name, desiredCount, thresholdConfiguration, expected) => {
    const config = { enable: true, rollback: true, ...(thresholdConfiguration ? { thresholdConfiguration } : {}) };
    expect(failureThreshold(desiredCount, config)).toBe(expected);
  });
});

test('the timeline runs what is due in time order, same-time entries in the order scheduled', () => {
  const timeline = new Timeline();
  const ran: string[] = [];
  timeline.schedule(30, () => ran.push('c'));
  timeline.schedule(10, (at) => {
    ran.push('a');
    timeline.schedule(at, () => ran.push('a2'));
  });
  timeline.schedule(10, () => ran.push('b'));
  timeline.runUntil(20);
  expect(ran).toEqual(['a', 'b', 'a2']);
  timeline.runUntil(30);
  expect(ran).toEqual(['a', 'b', 'a2', 'c']);
});

test('pages follow their tokens to the end', () => {
  const first = paginate([1, 2, 3, 4, 5], 2, undefined);
  const second = paginate([1, 2, 3, 4, 5], 2, first.nextToken);
  const third = paginate([1, 2, 3, 4, 5], 2, second.nextToken);
  expect([first.items, second.items, third.items]).toEqual([[1, 2], [3, 4], [5]]);
  expect(third.nextToken).toBeUndefined();
});

test('a throttled share is about that share, and the same for the same seed', () => {
  const picks = (seed: number): string => {
    const faults = new FaultInjector();
    faults.set({ throttleShare: 0.3, seed }, 0);
    return Array.from({ length: 1000 }, () => (faults.decide('DescribeServices', 0) ? 'T' : '.')).join('');
  };
  const throttled = picks(7).split('').filter((pick) => pick === 'T').length;
  expect(throttled).toBeGreaterThan(240);
  expect(throttled).toBeLessThan(360);
  expect(picks(7)).toBe(picks(7));
  expect(picks(8)).not.toBe(picks(7));
});
