import { describe, expect, test } from 'vitest';
import { watchRolling } from '../../src/watch/watch-rollout.js';
import {
  EPOCH,
  FakeClock,
  FakeEcs,
  RecordingReporter,
  awsError,
  connectionRefused,
  deployment,
  options,
  rollingUpdate,
  target,
  unreadableAnswer,
} from './watch-fakes.js';

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

    const outcome = await watchRolling({ ecs, clock, reporter }, target(), options());

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

    const outcome = await watchRolling({ ecs, clock, reporter }, target(), options());

    expect(outcome.status).toBe('COMPLETED');
    expect(clock.sleeps.slice(0, 9)).toEqual([2_000, 4_000, 8_000, 8_000, 8_000, 8_000, 8_000, 8_000, 4_000]);
    expect(reporter.count('ECS is throttling')).toBe(2);
  });

  test('throttling never ends the wait by itself: only the timeout does, and then the outcome is not known', async () => {
    const clock = new FakeClock();
    const ecs = completesAt(clock, 3_600_000);
    ecs.failWhen = (_op, n) => (n > 1 ? throttled() : undefined);

    const outcome = await watchRolling({ ecs, clock, reporter: new RecordingReporter() }, target(), options({ timeoutMs: 120_000 }));

    expect(outcome).toMatchObject({
      status: 'UNKNOWN',
      message:
        'the outcome of deployment ecs-svc/2 (web:2) is unknown: ECS did not answer in the last 2m of the 2m wait ' +
        '(ThrottlingException: Rate exceeded); last seen at 12:00:00 UTC (2m ago): 0/2 running on web:2, IN_PROGRESS; 2 deployments',
    });
    expect(ecs.count('updateService')).toBe(0);
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
    { name: 'the endpoint gone for a while', error: connectionRefused },
    { name: 'answers cut short (the SDK reader\'s SyntaxError)', error: unreadableAnswer },
  ])('$name: retried with backoff, reported once, and the rollout completes without a rollback', async ({ error }) => {
    const clock = new FakeClock();
    const ecs = completesAt(clock, 20_000);
    ecs.failWhen = (_op, n) => (n >= 2 && n <= 4 ? error() : undefined);
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs, clock, reporter }, target(), options());

    expect(outcome).toMatchObject({ status: 'COMPLETED', message: 'deployment ecs-svc/2 (web:2) completed in 22s' });
    // Polls at 0 (answered), 2, 6 and 14 s (not answered), 22 s (answered: completed at 20 s).
    expect(clock.sleeps).toEqual([2_000, 4_000, 8_000, 8_000]);
    expect(reporter.count('ECS did not answer')).toBe(1);
    expect(reporter.count('ECS answers again, after 20s without an answer')).toBe(1);
    expect(reporter.lines.filter((line) => line.level === 'error')).toEqual([]);
    expect(ecs.count('updateService')).toBe(0);
    expect(ecs.count('listTasks')).toBe(0);
  });

  test('one answer cut short mid-watch is not a failed deployment: COMPLETED, no rollback, a one-line warning', async () => {
    const clock = new FakeClock();
    const ecs = completesAt(clock, 5_000);
    ecs.failWhen = (op, n) => (op === 'describeServices' && n === 2 ? unreadableAnswer() : undefined);
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs, clock, reporter }, target(), options());

    expect(outcome.status).toBe('COMPLETED');
    expect(outcome.failure).toBeUndefined();
    expect(ecs.count('updateService')).toBe(0);
    expect(reporter.lines.filter((line) => line.level === 'warn').map((line) => line.text)).toEqual([
      'ECS did not answer (AWS sent an answer that could not be read: SyntaxError: Unexpected end of JSON input); retrying until the timeout',
    ]);
    expect(reporter.text).not.toContain('$response');
  });
});

describe('ECS lost mid-watch', () => {
  /** Answers until `lostAt`, refuses every connection after; the deployment completes at 20 s all the same. */
  function lostAt(clock: FakeClock, at: number): FakeEcs {
    const ecs = rollingUpdate(clock)
      .at(3_000, (e) => e.patchDeployment('ecs-svc/2', { runningCount: 1, pendingCount: 1 }))
      .at(20_000, (e) => e.setDeployments(deployment({ id: 'ecs-svc/2', runningCount: 2, rolloutState: 'COMPLETED' })));
    ecs.failWhen = () => (clock.elapsed >= at ? connectionRefused() : undefined);
    return ecs;
  }

  test('the endpoint gone until the deadline: UNKNOWN with the last state and its age; no rollback, no stopped-task claim', async () => {
    const clock = new FakeClock();
    const ecs = lostAt(clock, 5_000);
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs, clock, reporter }, target(), options({ timeoutMs: 60_000 }));

    expect(outcome).toEqual({
      status: 'UNKNOWN',
      message:
        'the outcome of deployment ecs-svc/2 (web:2) is unknown: ECS did not answer in the last 56s of the 1m wait ' +
        '(connect ECONNREFUSED 127.0.0.1:4566); last seen at 12:00:04 UTC (56s ago): 1/2 running on web:2, IN_PROGRESS; 2 deployments',
      lastSeen: '1/2 running on web:2, IN_PROGRESS; 2 deployments',
      lastSeenAt: new Date(EPOCH + 4_000).toISOString(),
    });
    expect(clock.elapsed).toBe(60_000);
    expect(ecs.count('updateService')).toBe(0);
    expect(ecs.count('listTasks')).toBe(0);
    const text = reporter.text;
    expect(text).toContain('Deployments in the last answer:\n  PRIMARY ecs-svc/2 web:2: 1/2 running, 1 pending, 0 failed, IN_PROGRESS');
    expect(text).toContain('Not rolling back: the outcome is not known.');
    expect(text).toContain('Console: https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/web/deployments?region=eu-west-1');
    expect(text).not.toMatch(/stopped tasks|did not finish|roll(ed|ing) back to/i);
    expect(reporter.lines.filter((line) => line.level === 'error').map((line) => line.text)).toEqual([outcome.message]);
  });

  test('no answer at all from the first poll: UNKNOWN, saying so', async () => {
    const clock = new FakeClock();
    const ecs = lostAt(clock, 0);

    const outcome = await watchRolling({ ecs, clock, reporter: new RecordingReporter() }, target(), options({ timeoutMs: 30_000 }));

    expect(outcome).toEqual({
      status: 'UNKNOWN',
      message:
        'the outcome of deployment ecs-svc/2 (web:2) is unknown: ECS did not answer during the 30s wait ' +
        '(connect ECONNREFUSED 127.0.0.1:4566); no answer from ECS since the watch began',
    });
    expect(ecs.count('updateService')).toBe(0);
  });

  test('back before the deadline: the completion is seen and reported', async () => {
    const clock = new FakeClock();
    const ecs = lostAt(clock, 5_000);
    ecs.failWhen = () => (clock.elapsed >= 5_000 && clock.elapsed < 40_000 ? connectionRefused() : undefined);

    const outcome = await watchRolling({ ecs, clock, reporter: new RecordingReporter() }, target(), options({ timeoutMs: 60_000 }));

    expect(outcome.status).toBe('COMPLETED');
    expect(ecs.count('updateService')).toBe(0);
  });
});

describe('errors that no retry can fix', () => {
  const unknown = (why: string) =>
    `the outcome of deployment ecs-svc/2 (web:2) is unknown: could not follow the rollout of web: ${why}; ` +
    'last seen at 12:00:00 UTC (2s ago): 0/2 running on web:2, IN_PROGRESS; 2 deployments';

  test.each([
    {
      name: 'access denied',
      failure: () => awsError('AccessDeniedException', 400, 'User is not authorized to perform: ecs:DescribeServices'),
      message: unknown('AccessDeniedException: User is not authorized to perform: ecs:DescribeServices'),
    },
    {
      name: 'cluster gone',
      failure: () => awsError('ClusterNotFoundException', 400, 'Cluster not found.'),
      message: unknown('ClusterNotFoundException: Cluster not found.'),
    },
  ])('$name ends the wait at once as UNKNOWN, not FAILED, without a rollback', async ({ failure, message }) => {
    const clock = new FakeClock();
    const ecs = completesAt(clock, 20_000);
    ecs.failWhen = (_op, n) => (n === 2 ? failure() : undefined);
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs, clock, reporter }, target(), options());

    expect(outcome).toMatchObject({ status: 'UNKNOWN', message, lastSeen: '0/2 running on web:2, IN_PROGRESS; 2 deployments' });
    expect(clock.elapsed).toBe(2_000);
    expect(ecs.count('updateService')).toBe(0);
    expect(ecs.count('listTasks')).toBe(0);
    expect(reporter.lines.filter((line) => line.level === 'error')).toEqual([{ level: 'error', text: message }]);
    expect(reporter.text).toContain('Not rolling back: the outcome is not known.');
  });

  test.each([
    { name: 'deleted', change: (e: FakeEcs) => (e.service.status = 'INACTIVE'), message: 'service web is INACTIVE' },
    { name: 'draining', change: (e: FakeEcs) => (e.service.status = 'DRAINING'), message: 'service web is DRAINING' },
  ])('a service $name during the watch ends it as UNKNOWN', async ({ change, message }) => {
    const clock = new FakeClock();
    const ecs = completesAt(clock, 20_000).at(5_000, change);

    const outcome = await watchRolling({ ecs, clock, reporter: new RecordingReporter() }, target(), options());

    expect(outcome).toMatchObject({ status: 'UNKNOWN' });
    expect(outcome.message).toContain(`could not follow the rollout of web: ${message}; last seen at 12:00:04 UTC (2s ago): `);
    expect(clock.elapsed).toBe(6_000);
    expect(ecs.count('updateService')).toBe(0);
  });

  test('a service missing from DescribeServices ends the wait as UNKNOWN', async () => {
    const clock = new FakeClock();
    const ecs = completesAt(clock, 20_000);
    ecs.describeServices = async () => ({ services: [], failures: [{ arn: 'web', reason: 'MISSING' }], $metadata: {} });

    const outcome = await watchRolling({ ecs, clock, reporter: new RecordingReporter() }, target(), options());

    expect(outcome).toEqual({
      status: 'UNKNOWN',
      message:
        'the outcome of deployment ecs-svc/2 (web:2) is unknown: could not follow the rollout of web: ' +
        'service web not found in cluster prod (MISSING); nothing seen of the deployment before that',
    });
  });
});
