// One duration formatter for logs and input messages.
import { expect, test } from 'vitest';
import { formatDuration } from '../../src/duration.js';
import { formatDuration as fromNames } from '../../src/aws/names.js';
import { formatDuration as fromInputs } from '../../src/inputs/duration.js';
import { formatDuration as fromRunTask } from '../../src/runtask/watch-task.js';

test.each([
  [250, '250ms'],
  [400, '0.4s'],
  [1_000, '1s'],
  [1_500, '1.5s'],
  [6_340, '6.3s'],
  [9_960, '10s'],
  [12_400, '12s'],
  [45_000, '45s'],
  [64_000, '1m 4s'],
  [15 * 60_000, '15m'],
  [5_400_000, '1h 30m'],
])('formatDuration(%i) is %s', (ms, text) => {
  expect(formatDuration(ms)).toBe(text);
});

test('logs, input messages and one-off tasks print a duration the same way', () => {
  for (const format of [fromNames, fromInputs, fromRunTask]) expect(format(1_500)).toBe('1.5s');
});
