import { describe, expect, test } from 'vitest';
import { watchRolling } from '../../src/watch/watch-rollout.js';
import {
  EPOCH,
  FakeClock,
  FakeEcs,
  RecordingReporter,
  options,
  rollbackCompletesAfter,
  rollingUpdate,
  stoppedTask,
  target,
} from './watch-fakes.js';

/** One task of web:2 runs, the other keeps failing its load balancer health check: the rollout never ends. */
function neverStable(clock: FakeClock): FakeEcs {
  return rollingUpdate(clock)
    .at(3_000, (e) => {
      e.patchDeployment('ecs-svc/2', { runningCount: 1, pendingCount: 1 });
      e.event('(service web) has started 2 tasks: (task ccc333) (task ddd444).');
    })
    .at(20_000, (e) => {
      e.tasks.push(
        stoppedTask({
          taskArn: 'arn:aws:ecs:eu-west-1:1:task/prod/ddd444',
          startedBy: 'ecs-svc/2',
          stoppedReason: 'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/web/1)',
          stopCode: 'ServiceSchedulerInitiated',
          stoppedAt: new Date(EPOCH + 20_000),
          containers: [{ name: 'app', exitCode: 143 }],
        }),
      );
      e.event('(service web) (task ddd444) failed ELB health checks in (target-group web).');
    });
}

describe('a rollout that never stabilises', () => {
  test('times out, prints where it stood, and rolls back', async () => {
    const clock = new FakeClock();
    const ecs = neverStable(clock);
    ecs.onUpdateService = rollbackCompletesAfter(3_000);
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs, clock, reporter }, target(), options({ timeoutMs: 60_000 }));

    expect(outcome).toMatchObject({
      status: 'ROLLED_BACK',
      rolledBackTo: 'web:1',
      message: 'deployment ecs-svc/2 (web:2) did not finish within 1m; rolled back to web:1',
      failure: { reason: 'did not finish within 1m' },
    });
    const timedOutAt = ecs.calls.find((call) => call.op === 'updateService')?.at;
    expect(timedOutAt).toBe(60_000);
    const text = reporter.text;
    expect(text).toContain('deployment ecs-svc/2 (web:2) did not finish within 1m');
    expect(text).toContain('  PRIMARY ecs-svc/2 web:2: 1/2 running, 1 pending, 0 failed, IN_PROGRESS');
    expect(text).toContain('  12:00:20Z (service web) (task ddd444) failed ELB health checks in (target-group web).');
    expect(text).toContain('  task ddd444: Task failed ELB health checks in (target-group');
    expect(text).toContain('    container app: exit code 143');
    expect(text).toContain('Console: https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/web/deployments?region=eu-west-1');
  });

  test('with rollback false it ends TIMED_OUT at the deadline and leaves the service alone', async () => {
    const clock = new FakeClock();
    const ecs = neverStable(clock);
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs, clock, reporter }, target(), options({ timeoutMs: 45_000, rollback: false }));

    expect(outcome).toMatchObject({ status: 'TIMED_OUT', message: 'deployment ecs-svc/2 (web:2) did not finish within 45s' });
    expect(outcome.failure?.stoppedTasks).toHaveLength(1);
    expect(clock.elapsed).toBe(45_000);
    // The last poll lands on the deadline, not past it.
    expect(ecs.calls.filter((call) => call.op === 'describeServices').at(-1)?.at).toBe(45_000);
    expect(ecs.count('updateService')).toBe(0);
  });

  test('a rollback that itself never stabilises ends FAILED after its own timeout', async () => {
    const clock = new FakeClock();
    const ecs = neverStable(clock);
    ecs.onUpdateService = rollbackCompletesAfter(3_600_000);
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs, clock, reporter }, target(), options({ timeoutMs: 60_000 }));

    expect(outcome.status).toBe('FAILED');
    expect(outcome.message).toBe(
      'deployment ecs-svc/2 (web:2) did not finish within 1m; the rollback to web:1 did not complete: did not finish within 1m',
    );
    expect(clock.elapsed).toBe(120_000);
  });
});
