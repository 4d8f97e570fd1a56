import { describe, expect, test } from 'vitest';
import { watchRollout } from '../../src/watch/watch-rollout.js';
import { FakeClock, FakeEcs, RecordingReporter, awsError, deployment, options, rollingUpdate, target } from './watch-fakes.js';

function completesAt(clock: FakeClock, at: number): FakeEcs {
  return rollingUpdate(clock).at(at, (e) => e.setDeployments(deployment({ id: 'ecs-svc/2', runningCount: 2, rolloutState: 'COMPLETED' })));
}

const throttled = () => awsError('ThrottlingException', 400, 'Rate exceeded');

describe('throttling', () => {
  test('every third call throttled: the rollout still completes, and the pace slows then recovers', async () => {
    const clock = new FakeClock();
    const ecs = completesAt(clock, 30_000);
    ecs.failWhen = (_op, n) => (n % 3 === 0 ? throttled() : undefined);
    const reporter = new RecordingReporter();

    const outcome = await watchRollout({ ecs, clock, reporter }, target(), options());

    expect(outcome.status).toBe('COMPLETED');
    expect(clock.sleeps).toContain(4_000);
    expect(Math.max(...clock.sleeps)).toBe(4_000);
    expect(clock.sleeps.filter((ms) => ms === 2_000).length).toBeGreaterThan(0);
    expect(reporter.count('ECS is throttling (ThrottlingException: Rate exceeded); polling every 4s')).toBeGreaterThan(0);
  });

  test('throttled again and again: doubles up to four times the interval, and no further', async () => {
    const clock = new FakeClock();
    const ecs = completesAt(clock, 60_000);
    ecs.failWhen = (_op, n) => (n >= 2 && n <= 8 ? throttled() : undefined);
    const reporter = new RecordingReporter();

    const outcome = await watchRollout({ ecs, clock, reporter }, target(), options());

    expect(outcome.status).toBe('COMPLETED');
    expect(clock.sleeps.slice(0, 9)).toEqual([2_000, 4_000, 8_000, 8_000, 8_000, 8_000, 8_000, 8_000, 4_000]);
    expect(reporter.count('ECS is throttling')).toBe(2);
  });

  test('throttling never ends the wait by itself: only the timeout does', async () => {
    const clock = new FakeClock();
    const ecs = completesAt(clock, 3_600_000);
    ecs.failWhen = (_op, n) => (n > 1 ? throttled() : undefined);

    const outcome = await watchRollout({ ecs, clock, reporter: new RecordingReporter() }, target(), options({ timeoutMs: 120_000, rollback: false }));

    expect(outcome.status).toBe('TIMED_OUT');
    expect(clock.elapsed).toBe(120_000);
    // Polls at 0, 2, 6 and 14 s, then every 8 s, and one on the deadline.
    expect(ecs.calls.filter((call) => call.op === 'describeServices').map((call) => call.at / 1_000)).toEqual([0, 2, 6, 14, 22, 30, 38, 46, 54, 62, 70, 78, 86, 94, 102, 110, 118, 120]);
  });
});

describe('transient errors', () => {
  test.each([
    { name: 'a burst of 5xx', error: () => awsError('ServerException', 500, 'Service Unavailable') },
    { name: 'a 503 without a modelled name', error: () => awsError('Unknown', 503, 'Service Unavailable') },
    { name: 'connection resets', error: () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) },
    { name: 'SDK timeouts', error: () => Object.assign(new Error('Connection timed out after 5000 ms'), { name: 'TimeoutError' }) },
  ])('$name: retried at the normal pace, reported once, and the rollout completes', async ({ error }) => {
    const clock = new FakeClock();
    const ecs = completesAt(clock, 20_000);
    ecs.failWhen = (_op, n) => (n >= 2 && n <= 7 ? error() : undefined);
    const reporter = new RecordingReporter();

    const outcome = await watchRollout({ ecs, clock, reporter }, target(), options());

    expect(outcome.status).toBe('COMPLETED');
    expect(clock.elapsed).toBe(20_000);
    expect(reporter.count('ECS did not answer')).toBe(1);
    expect(new Set(clock.sleeps)).toEqual(new Set([2_000]));
  });
});

describe('errors that no retry can fix', () => {
  test.each([
    {
      name: 'access denied',
      failure: () => awsError('AccessDeniedException', 400, 'User is not authorized to perform: ecs:DescribeServices'),
      message: 'could not follow the rollout of web: AccessDeniedException: User is not authorized to perform: ecs:DescribeServices',
    },
    {
      name: 'cluster gone',
      failure: () => awsError('ClusterNotFoundException', 400, 'Cluster not found.'),
      message: 'could not follow the rollout of web: ClusterNotFoundException: Cluster not found.',
    },
  ])('$name ends the wait at once as FAILED, without a rollback', async ({ failure, message }) => {
    const clock = new FakeClock();
    const ecs = completesAt(clock, 20_000);
    ecs.failWhen = (_op, n) => (n === 2 ? failure() : undefined);
    const reporter = new RecordingReporter();

    const outcome = await watchRollout({ ecs, clock, reporter }, target(), options());

    expect(outcome).toMatchObject({ status: 'FAILED', message });
    expect(clock.elapsed).toBe(2_000);
    expect(ecs.count('updateService')).toBe(0);
    expect(reporter.lines.at(-1)).toEqual({ level: 'error', text: message });
  });

  test.each([
    { name: 'deleted', change: (e: FakeEcs) => (e.service.status = 'INACTIVE'), message: 'service web is INACTIVE' },
    { name: 'draining', change: (e: FakeEcs) => (e.service.status = 'DRAINING'), message: 'service web is DRAINING' },
  ])('a service $name during the watch ends it as FAILED', async ({ change, message }) => {
    const clock = new FakeClock();
    const ecs = completesAt(clock, 20_000).at(5_000, change);

    const outcome = await watchRollout({ ecs, clock, reporter: new RecordingReporter() }, target(), options());

    expect(outcome).toMatchObject({ status: 'FAILED', message: `could not follow the rollout of web: ${message}` });
    expect(clock.elapsed).toBe(6_000);
  });

  test('a service missing from DescribeServices ends the wait as FAILED', async () => {
    const clock = new FakeClock();
    const ecs = completesAt(clock, 20_000);
    ecs.describeServices = async () => ({ services: [], failures: [{ arn: 'web', reason: 'MISSING' }], $metadata: {} });

    const outcome = await watchRollout({ ecs, clock, reporter: new RecordingReporter() }, target(), options());

    expect(outcome.message).toBe('could not follow the rollout of web: service web not found in cluster prod (MISSING)');
  });
});
