import type { ServiceDeployment } from '@aws-sdk/client-ecs';
import { describe, expect, test } from 'vitest';
import { watchRolling } from '../../src/watch/watch-rollout.js';
import {
  FakeClock,
  FakeEcs,
  RecordingReporter,
  awsError,
  deployment,
  options,
  rollingUpdate,
  sdArn,
  target,
} from './watch-fakes.js';

const ARN = sdArn(2);

function withServiceDeployment(ecs: FakeEcs, fields: ServiceDeployment = {}): FakeEcs {
  ecs.serviceDeployments.set(ARN, {
    serviceDeploymentArn: ARN,
    status: 'IN_PROGRESS',
    deploymentCircuitBreaker: { status: 'MONITORING', failureCount: 0, threshold: 3 },
    ...fields,
  });
  return ecs;
}

function patchServiceDeployment(ecs: FakeEcs, fields: ServiceDeployment): void {
  ecs.serviceDeployments.set(ARN, { ...ecs.serviceDeployments.get(ARN), ...fields });
}

const followedByArn = (fields = {}) => target({ serviceDeploymentArn: ARN, ...fields });

describe('following the service deployment (DescribeServiceDeployments)', () => {
  test('SUCCESSFUL completes the watch, asking for this run’s service deployment on every poll', async () => {
    const clock = new FakeClock();
    const ecs = withServiceDeployment(rollingUpdate(clock)).at(5_000, (e) => patchServiceDeployment(e, { status: 'SUCCESSFUL' }));
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs, clock, reporter }, followedByArn(), options());

    expect(outcome.status).toBe('COMPLETED');
    expect(clock.elapsed).toBe(6_000);
    expect(ecs.calls.filter((call) => call.op === 'describeServiceDeployments').map((call) => call.input)).toEqual(
      Array.from({ length: 4 }, () => ({ arns: [ARN] })),
    );
    expect(reporter.count('Service deployment IN_PROGRESS, circuit breaker 0/3 failed tasks')).toBe(1);
    expect(reporter.count('Service deployment SUCCESSFUL')).toBe(1);
  });

  test('prints the circuit breaker’s count as it changes, once per change', async () => {
    const clock = new FakeClock();
    const ecs = withServiceDeployment(rollingUpdate(clock))
      .at(3_000, (e) => patchServiceDeployment(e, { deploymentCircuitBreaker: { status: 'MONITORING', failureCount: 1, threshold: 3 } }))
      .at(20_000, (e) => patchServiceDeployment(e, { status: 'SUCCESSFUL' }));
    const reporter = new RecordingReporter();

    await watchRolling({ ecs, clock, reporter }, followedByArn(), options());

    expect(reporter.count('Service deployment IN_PROGRESS, circuit breaker 1/3 failed tasks')).toBe(1);
  });

  test.each([
    { status: 'ROLLBACK_REQUESTED' as const },
    { status: 'ROLLBACK_IN_PROGRESS' as const },
    { status: 'ROLLBACK_SUCCESSFUL' as const },
  ])('$status: ECS rolls back; ROLLED_BACK once it reports ROLLBACK_SUCCESSFUL, nothing more from us', async ({ status }) => {
    const clock = new FakeClock();
    const ecs = withServiceDeployment(rollingUpdate(clock))
      .at(5_000, (e) =>
        patchServiceDeployment(e, {
          status,
          statusReason: 'Service deployment rolled back because the circuit breaker threshold was exceeded.',
          rollback: { reason: 'Circuit breaker threshold exceeded.' },
        }),
      )
      .at(9_000, (e) => patchServiceDeployment(e, { status: 'ROLLBACK_SUCCESSFUL' }));

    const outcome = await watchRolling({ ecs, clock, reporter: new RecordingReporter() }, followedByArn(), options());

    expect(outcome).toMatchObject({
      status: 'ROLLED_BACK',
      rolledBackTo: 'web:1',
      message: 'deployment ecs-svc/2 (web:2) failed: Circuit breaker threshold exceeded; ECS rolled back to web:1',
    });
    expect(clock.elapsed).toBe(status === 'ROLLBACK_SUCCESSFUL' ? 6_000 : 10_000);
    expect(ecs.count('updateService')).toBe(0);
  });

  test.each([
    { status: 'STOPPED' as const, message: 'deployment ecs-svc/2 (web:2) failed: Circuit breaker threshold exceeded' },
    { status: 'ROLLBACK_FAILED' as const, message: 'deployment ecs-svc/2 (web:2) failed: ECS could not roll back: Circuit breaker threshold exceeded' },
  ])('$status fails the watch at the poll that shows it', async ({ status, message }) => {
    const clock = new FakeClock();
    const ecs = withServiceDeployment(rollingUpdate(clock)).at(5_000, (e) =>
      patchServiceDeployment(e, { status, statusReason: 'Circuit breaker threshold exceeded.' }),
    );

    const outcome = await watchRolling({ ecs, clock, reporter: new RecordingReporter() }, followedByArn(), options({ rollback: false }));

    expect(outcome).toMatchObject({ status: 'FAILED', message });
    expect(clock.elapsed).toBe(6_000);
  });

  test('with the circuit breaker DISABLED, its threshold is the default for max-failed-tasks', async () => {
    const clock = new FakeClock();
    const ecs = withServiceDeployment(rollingUpdate(clock), { deploymentCircuitBreaker: { status: 'DISABLED', threshold: 5 } });
    for (let k = 1; k <= 10; k++) ecs.at(k * 2_000 - 1_000, (e) => e.patchDeployment('ecs-svc/2', { failedTasks: k }));

    const outcome = await watchRolling({ ecs, clock, reporter: new RecordingReporter() }, followedByArn(), options({ rollback: false }));

    expect(outcome.failure?.reason).toBe('5 tasks failed to start or stay healthy (max-failed-tasks 5)');
  });

  test('with only the ARN, our ecs-svc id is taken from the new PRIMARY to sort out stopped tasks', async () => {
    const clock = new FakeClock();
    const ecs = withServiceDeployment(rollingUpdate(clock)).at(5_000, (e) => patchServiceDeployment(e, { status: 'STOPPED', statusReason: 'stopped' }));
    const noId = followedByArn();
    delete noId.deploymentId;

    const outcome = await watchRolling({ ecs, clock, reporter: new RecordingReporter() }, noId, options({ rollback: false }));

    expect(outcome.message).toBe('deployment ecs-svc/2 (web:2) failed: stopped');
  });
});

describe('where DescribeServiceDeployments is not available', () => {
  test.each([
    { name: 'unknown operation', error: () => awsError('UnknownOperationException', 400) },
    { name: 'HTTP 500 at the first call (moto)', error: () => awsError('ServerException', 500, 'not yet implemented') },
    { name: 'an invalid parameter', error: () => awsError('InvalidParameterException', 400) },
    { name: 'a role without the permission', error: () => awsError('AccessDeniedException', 400) },
  ])('$name: falls back to DescribeServices and never asks again', async ({ error }) => {
    const clock = new FakeClock();
    const ecs = withServiceDeployment(rollingUpdate(clock)).at(5_000, (e) =>
      e.setDeployments(deployment({ id: 'ecs-svc/2', runningCount: 2, rolloutState: 'COMPLETED' })),
    );
    ecs.failWhen = (op) => (op === 'describeServiceDeployments' ? error() : undefined);
    const reporter = new RecordingReporter();

    const outcome = await watchRolling({ ecs, clock, reporter }, followedByArn(), options());

    expect(outcome.status).toBe('COMPLETED');
    expect(clock.elapsed).toBe(6_000);
    expect(ecs.count('describeServiceDeployments')).toBe(1);
    expect(ecs.count('describeServices')).toBe(4);
    expect(reporter.count('DescribeServiceDeployments is not available here')).toBe(1);
  });

  test('a server error after it answered once is transient: it is asked again', async () => {
    const clock = new FakeClock();
    const ecs = withServiceDeployment(rollingUpdate(clock)).at(7_000, (e) => patchServiceDeployment(e, { status: 'SUCCESSFUL' }));
    ecs.failWhen = (op, n) => (op === 'describeServiceDeployments' && n === 4 ? awsError('ServerException', 500) : undefined);

    const outcome = await watchRolling({ ecs, clock, reporter: new RecordingReporter() }, followedByArn(), options());

    expect(outcome.status).toBe('COMPLETED');
    // Polls at 0, 2 (failed), 4, 6 and 8 s.
    expect(ecs.count('describeServiceDeployments')).toBe(5);
  });

  test.each([
    { name: 'the ids from before known: the new PRIMARY of our revision is ours', before: ['ecs-svc/1'] },
    { name: 'no ids from before: the steady rule', before: [] },
  ])('with only the ARN and no fallback answer: $name', async ({ before }) => {
    const clock = new FakeClock();
    const ecs = rollingUpdate(clock).at(5_000, (e) => e.setDeployments(deployment({ id: 'ecs-svc/2', runningCount: 2, rolloutState: 'COMPLETED' })));
    ecs.failWhen = (op) => (op === 'describeServiceDeployments' ? awsError('UnknownOperationException', 400) : undefined);
    const noId = followedByArn({ deploymentIdsBefore: before });
    delete noId.deploymentId;

    const outcome = await watchRolling({ ecs, clock, reporter: new RecordingReporter() }, noId, options());

    expect(outcome.status).toBe('COMPLETED');
    expect(clock.elapsed).toBe(6_000);
  });
});
