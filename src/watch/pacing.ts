// The polling rate: the configured interval, doubled on each throttled poll up to a ceiling, halved back on each
// poll that got through. ECS throttles per account and region, so a watcher that keeps its pace under throttling
// slows every other pipeline of the account too.

export const MAX_BACKOFF_FACTOR = 4;

export function nextPollInterval(current: number, base: number, throttled: boolean): number {
  if (throttled) return Math.min(current * 2, base * MAX_BACKOFF_FACTOR);
  return Math.max(base, current / 2);
}

/** Time to sleep so that polls start `interval` apart, and the last one lands on the deadline. */
export function sleepBeforeNextPoll(now: number, pollStartedAt: number, interval: number, deadline: number): number {
  return Math.max(0, Math.min(pollStartedAt + interval, deadline) - now);
}
