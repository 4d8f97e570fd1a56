import { describe, expect, test } from 'vitest';
import { STOPPED_TASKS_WAIT_MS } from '../../src/watch/failure-report.js';
import { watchRolling } from '../../src/watch/watch-rollout.js';
import {
  EPOCH,
  FakeClock,
  FakeEcs,
  RecordingReporter,
  connectionRefused,
  deployment,
  options,
  rollbackCompletesAfter,
  rollingUpdate,
  stoppedTask,
  target,
  td,
} from './watch-fakes.js';

const BREAKER_REASON = 'ECS deployment circuit breaker: tasks failed to start';
const CONSOLE = 'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/web/deployments?region=eu-west-1';

/** Tasks of web:2 stop one after another: an OOM kill, then a failed image pull; one old task of web:1 stopped too. */
function failingTasks(ecs: FakeEcs): FakeEcs {
  return ecs
    .at(2_500, (e) => {
      e.tasks.push(
        stoppedTask({ taskArn: 'arn:aws:ecs:eu-west-1:1:task/prod/old1', startedBy: 'ecs-svc/1', taskDefinitionArn: td(1), stoppedReason: 'Scaling activity initiated by deployment', stoppedAt: new Date(EPOCH - 60_000) }),
        stoppedTask({
          taskArn: 'arn:aws:ecs:eu-west-1:1:task/prod/aaa111',
          startedBy: 'ecs-svc/2',
          stoppedReason: 'Essential container in task exited',
          stopCode: 'EssentialContainerExited',
          stoppedAt: new Date(EPOCH + 2_500),
          containers: [
            { name: 'app', exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' },
            { name: 'log-router', exitCode: 0 },
          ],
        }),
      );
      e.patchDeployment('ecs-svc/2', { failedTasks: 1 });
      e.event('(service web) (task aaa111) failed container health checks.');
    })
    .at(4_500, (e) => {
      e.tasks.push(
        stoppedTask({
          taskArn: 'arn:aws:ecs:eu-west-1:1:task/prod/bbb222',
          startedBy: 'ecs-svc/2',
          stoppedReason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s)',
          stopCode: 'TaskFailedToStart',
          stoppedAt: new Date(EPOCH + 4_500),
          containers: [{ name: 'app' }],
        }),
      );
      e.patchDeployment('ecs-svc/2', { failedTasks: 2 });
    });
}

/** The breaker trips at `failsAt`; with rollback on, ECS makes ecs-svc/1 PRIMARY again at `flipsAt`. */
function circuitBreaker(clock: FakeClock, rollback: boolean, failsAt = 7_000, flipsAt = failsAt): FakeEcs {
  const ecs = failingTasks(
    rollingUpdate(clock, { deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback } } }),
  );
  ecs.at(failsAt, (e) => {
    e.patchDeployment('ecs-svc/2', { failedTasks: 3, rolloutState: 'FAILED', rolloutStateReason: `${BREAKER_REASON}.` });
    e.event('(service web) (deployment ecs-svc/2) deployment failed: tasks failed to start.');
  });
  if (rollback) {
    ecs.at(flipsAt, (e) => {
      e.patchDeployment('ecs-svc/2', { status: 'ACTIVE' });
      e.patchDeployment('ecs-svc/1', { status: 'PRIMARY', rolloutState: 'IN_PROGRESS' });
      e.event('(service web) rolling back to deployment ecs-svc/1.');
    });
  }
  return ecs;
}

function expectFailureReport(reporter: RecordingReporter, failedAt = '12:00:07Z'): void {
  const text = reporter.text;
  expect(text).toContain(BREAKER_REASON);
  expect(text).toContain('  12:00:02Z (service web) (task aaa111) failed container health checks.');
  expect(text).toContain(`  ${failedAt} (service web) (deployment ecs-svc/2) deployment failed: tasks failed to start.`);
  expect(text).toContain('  task bbb222: CannotPullContainerError: pull image manifest has been retried 5 time(s) (TaskFailedToStart)');
  expect(text).toContain('    container app: no exit code');
  expect(text).toContain('  task aaa111: Essential container in task exited (EssentialContainerExited)');
  expect(text).toContain('    container app: exit code 137: OutOfMemoryError: Container killed due to memory usage');
  expect(text).toContain('    container log-router: exit code 0');
  expect(text).not.toContain('old1');
  expect(text).toContain(`Console: ${CONSOLE}`);
  // Newest stopped task first.
  expect(text.indexOf('  task bbb222:')).toBeLessThan(text.indexOf('  task aaa111:'));
}

describe('circuit breaker with rollback: ECS rolls back by itself', () => {
  test.each([
    { name: 'seen after ECS made the old deployment PRIMARY again', failsAt: 7_000, flipsAt: 7_000, failedAt: '12:00:07Z' },
    { name: 'failing and flipped within one interval', failsAt: 6_500, flipsAt: 7_500, failedAt: '12:00:06Z' },
    { name: 'seen FAILED while still PRIMARY: ECS is about to roll back', failsAt: 8_000, flipsAt: 30_000, failedAt: '12:00:08Z' },
  ])('$name', async ({ failsAt, flipsAt, failedAt }) => {
    const clock = new FakeClock();
    const ecs = circuitBreaker(clock, true, failsAt, flipsAt);
    const reporter = new RecordingReporter();

    // Not waiting for ECS's rollback: the run ends as soon as it is seen to begin.
    const outcome = await watchRolling({ ecs, clock, reporter }, target(), options({ waitForRollback: false }));

    expect(clock.elapsed).toBe(8_000);
    expect(outcome).toMatchObject({
      status: 'FAILED',
      message: `deployment ecs-svc/2 (web:2) failed: ${BREAKER_REASON}; ECS is rolling back to web:1`,
      failure: { reason: BREAKER_REASON },
    });
    expect(outcome.failure?.stoppedTasks.map((task) => task.taskArn.split('/').pop())).toEqual(['bbb222', 'aaa111']);
    expect(outcome.failure?.stoppedTasks[1]?.containers[0]).toEqual({
      name: 'app',
      exitCode: 137,
      reason: 'OutOfMemoryError: Container killed due to memory usage',
    });
    expect(ecs.count('updateService')).toBe(0);
    expectFailureReport(reporter, failedAt);
    expect(reporter.lines.find((line) => line.level === 'error')?.text).toBe(outcome.message);
  });

  test('lists stopped tasks by service and status, never by startedBy', async () => {
    const clock = new FakeClock();
    const ecs = circuitBreaker(clock, true);

    await watchRolling({ ecs, clock, reporter: new RecordingReporter() }, target(), options());

    expect(ecs.calls.filter((call) => call.op === 'listTasks').map((call) => call.input)).toEqual([
      { cluster: 'prod', serviceName: 'web', desiredStatus: 'STOPPED' },
    ]);
  });

  test('an event saying ECS rolls back is enough, before the deployments list shows it', async () => {
    const clock = new FakeClock();
    const ecs = rollingUpdate(clock).at(3_000, (e) => e.event('(service web) rolling back to deployment ecs-svc/1.'));

    const outcome = await watchRolling({ ecs, clock, reporter: new RecordingReporter() }, target(), options({ waitForRollback: false }));

    expect(outcome).toMatchObject({ status: 'FAILED' });
    expect(outcome.message).toContain('ECS is rolling back to web:1');
    expect(clock.elapsed).toBe(4_000);
    expect(ecs.count('updateService')).toBe(0);
  });
});

describe('circuit breaker without rollback', () => {
  test('we roll back to the previous revision and watch that rollback to its end', async () => {
    const clock = new FakeClock();
    const ecs = circuitBreaker(clock, false);
    ecs.onUpdateService = rollbackCompletesAfter(5_000);
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs, clock, reporter }, target(), options());

    expect(outcome).toMatchObject({
      status: 'ROLLED_BACK',
      rolledBackTo: 'web:1',
      message: `deployment ecs-svc/2 (web:2) failed: ${BREAKER_REASON}; rolled back to web:1`,
      failure: { reason: BREAKER_REASON },
    });
    expect(ecs.calls.filter((call) => call.op === 'updateService').map((call) => call.input)).toEqual([
      { cluster: 'prod', service: 'web', taskDefinition: td(1), desiredCount: 2 },
    ]);
    expect(reporter.groups).toEqual(['Watching rollout of web', 'Watching rollback of web to web:1']);
    expect(reporter.text).toContain('PRIMARY ecs-svc/3 web:1: 2/2 running, 0 pending, 0 failed, COMPLETED');
    // Failed at 8 s, rollback started at 8 s and completed at 13 s, noticed at the poll of 14 s.
    expect(clock.elapsed).toBe(14_000);
    expectFailureReport(reporter);
    expect(reporter.lines.at(-1)).toEqual({ level: 'warn', text: outcome.message });
  });

  test('rollback false: FAILED, and the service is left alone', async () => {
    const clock = new FakeClock();
    const ecs = circuitBreaker(clock, false);
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs, clock, reporter }, target(), options({ rollback: false }));

    expect(outcome).toMatchObject({ status: 'FAILED', message: `deployment ecs-svc/2 (web:2) failed: ${BREAKER_REASON}` });
    expect(outcome.rolledBackTo).toBeUndefined();
    expect(ecs.count('updateService')).toBe(0);
    expect(clock.elapsed).toBe(8_000);
    expectFailureReport(reporter);
  });

  test('a rollback that ECS refuses ends FAILED with both reasons', async () => {
    const clock = new FakeClock();
    const ecs = circuitBreaker(clock, false);
    ecs.onUpdateService = () => {
      throw Object.assign(new Error('The referenced task definition is INACTIVE'), { name: 'InvalidParameterException' });
    };
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs, clock, reporter }, target(), options());

    expect(outcome.status).toBe('FAILED');
    expect(outcome.message).toBe(
      `deployment ecs-svc/2 (web:2) failed: ${BREAKER_REASON}; the rollback to web:1 failed: UpdateService web: InvalidParameterException: The referenced task definition is INACTIVE`,
    );
    expect(outcome.failure?.reason).toBe(BREAKER_REASON);
  });

  test('a rollback whose own deployment fails ends FAILED', async () => {
    const clock = new FakeClock();
    const ecs = circuitBreaker(clock, false);
    ecs.onUpdateService = (input, e) => {
      rollbackCompletesAfter(60_000)(input, e);
      e.at(clock.elapsed + 3_000, (later) =>
        later.patchDeployment('ecs-svc/3', { rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.' }),
      );
    };
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs, clock, reporter }, target(), options());

    expect(outcome.status).toBe('FAILED');
    expect(outcome.message).toContain('; the rollback to web:1 did not complete: ECS deployment circuit breaker');
    expect(outcome.rolledBackTo).toBeUndefined();
    expect(ecs.count('updateService')).toBe(1);
  });

  test('no rollback when the service ran the same revision before (forced redeploy)', async () => {
    const clock = new FakeClock();
    const ecs = circuitBreaker(clock, false);
    const reporter = new RecordingReporter();

    const outcome = await watchRolling(
      { ecs, clock, reporter },
      target({ previous: { taskDefinitionArn: 'web:2', desiredCount: 2 } }),
      options(),
    );

    expect(outcome.status).toBe('FAILED');
    expect(ecs.count('updateService')).toBe(0);
    expect(reporter.text).toContain('Not rolling back: web already ran web:2 before this run');
  });
});

describe('failing tasks with the circuit breaker off', () => {
  // failedTasks grows by one every 2 s from 1 s on, so the poll at 2k s sees k failures.
  function failingForever(clock: FakeClock, desiredCount: number): FakeEcs {
    const ecs = new FakeEcs(clock, { desiredCount });
    ecs.setDeployments(
      deployment({ id: 'ecs-svc/2', desiredCount }),
      deployment({ id: 'ecs-svc/1', status: 'ACTIVE', taskDefinition: td(1), desiredCount, runningCount: desiredCount }),
    );
    for (let k = 1; k <= 250; k++) ecs.at(k * 2_000 - 1_000, (e) => e.patchDeployment('ecs-svc/2', { failedTasks: k }));
    return ecs;
  }

  test.each([
    { desiredCount: 2, maxFailedTasks: undefined, limit: 3 },
    { desiredCount: 9, maxFailedTasks: undefined, limit: 5 },
    { desiredCount: 1000, maxFailedTasks: undefined, limit: 200 },
    { desiredCount: 2, maxFailedTasks: 1, limit: 1 },
    { desiredCount: 2, maxFailedTasks: 7, limit: 7 },
  ])('desired $desiredCount, max-failed-tasks $maxFailedTasks: fails at $limit failed tasks', async ({ desiredCount, maxFailedTasks, limit }) => {
    const clock = new FakeClock();
    const ecs = failingForever(clock, desiredCount);
    const reporter = new RecordingReporter();

    const outcome = await watchRolling(
      { ecs, clock, reporter },
      target(),
      options({ rollback: false, timeoutMs: 3_600_000, ...(maxFailedTasks !== undefined ? { maxFailedTasks } : {}) }),
    );

    expect(outcome).toMatchObject({
      status: 'FAILED',
      failure: { reason: `${limit} tasks failed to start or stay healthy (max-failed-tasks ${limit})` },
    });
    expect(clock.elapsed).toBe(limit * 2_000);
  });

  test('with the circuit breaker on, failed tasks are left for ECS to judge', async () => {
    const clock = new FakeClock();
    const ecs = failingForever(clock, 2);
    ecs.service.deploymentConfiguration = { deploymentCircuitBreaker: { enable: true, rollback: false } };

    const outcome = await watchRolling(
      { ecs, clock, reporter: new RecordingReporter() },
      target(),
      options({ rollback: false, timeoutMs: 60_000 }),
    );

    expect(outcome.status).toBe('TIMED_OUT');
  });
});

describe('ECS stops answering after the failure', () => {
  test('during our rollback: FAILED (ECS said so), the rollback\'s outcome unknown with its last state; no second rollback', async () => {
    const clock = new FakeClock();
    const ecs = circuitBreaker(clock, false);
    ecs.onUpdateService = rollbackCompletesAfter(60_000);
    let lostFrom: number | undefined;
    ecs.failWhen = (op) => {
      if (op === 'updateService') lostFrom = clock.elapsed + 4_000;
      return lostFrom !== undefined && clock.elapsed >= lostFrom ? connectionRefused() : undefined;
    };
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs, clock, reporter }, target(), options({ timeoutMs: 60_000 }));

    expect(outcome).toMatchObject({
      status: 'FAILED',
      message:
        `deployment ecs-svc/2 (web:2) failed: ${BREAKER_REASON}; the outcome of the rollback to web:1 is unknown: ` +
        'ECS did not answer in the last 58s of the 1m wait (connect ECONNREFUSED 127.0.0.1:4566); ' +
        'last seen at 12:00:10 UTC (58s ago): 0/2 running on web:1, IN_PROGRESS; 3 deployments',
      lastSeen: '0/2 running on web:1, IN_PROGRESS; 3 deployments',
      failure: { reason: BREAKER_REASON },
    });
    expect(outcome.rolledBackTo).toBeUndefined();
    expect(ecs.count('updateService')).toBe(1);
    // The rollout's stopped tasks were read while ECS answered; the rollback's are not tried.
    expect(ecs.count('listTasks')).toBe(1);
  });

  test('when the stopped tasks cannot be read, the report says so rather than "no stopped tasks"', async () => {
    const clock = new FakeClock();
    const ecs = circuitBreaker(clock, false);
    ecs.failWhen = (op) => (op === 'listTasks' ? connectionRefused() : undefined);
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs, clock, reporter }, target(), options({ rollback: false }));

    expect(outcome.status).toBe('FAILED');
    expect(outcome.failure?.stoppedTasks).toEqual([]);
    expect(reporter.text).toContain('Could not read the stopped tasks: connect ECONNREFUSED 127.0.0.1:4566');
    expect(reporter.text).toContain('The stopped tasks of this deployment could not be read (connect ECONNREFUSED 127.0.0.1:4566).');
    expect(reporter.text).not.toContain('No stopped tasks');
  });

  test('a stopped-task read that never answers holds the report 10 s at most', async () => {
    const clock = new FakeClock();
    const ecs = circuitBreaker(clock, false);
    ecs.hangOn = (op) => op === 'listTasks';
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs, clock, reporter }, target(), options({ rollback: false }));

    expect(outcome.status).toBe('FAILED');
    expect(clock.elapsed).toBe(8_000 + STOPPED_TASKS_WAIT_MS);
    expect(reporter.text).toContain('The stopped tasks of this deployment could not be read (no answer within 10s).');
  });
});

