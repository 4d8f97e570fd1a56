// How a blue/green, linear or canary watch ends at its edges: ECS silent during a pause, a rollback that races the
// timeout or the stop, and a deployment followed without its service deployment, which UpdateService never rolls back.
import type { DeploymentStrategy, ServiceDeployment } from '@aws-sdk/client-ecs';
import { describe, expect, test } from 'vitest';
import { watchStaged } from '../../src/watch/watch-rollout.js';
import { EPOCH, FakeClock, FakeEcs, RecordingReporter, awsError, deployment, options, sdArn, target, td } from './watch-fakes.js';

const ARN = sdArn(2);
const PAUSED = { hookId: 'p1', targetType: 'PAUSE' as const, status: 'AWAITING_ACTION' as const };

function blueGreen(clock: FakeClock, strategy: DeploymentStrategy = 'BLUE_GREEN'): FakeEcs {
  const ecs = new FakeEcs(clock, { currentServiceDeployment: ARN, deploymentConfiguration: { strategy } });
  ecs.setDeployments(
    deployment({ id: 'ecs-svc/2' }),
    deployment({ id: 'ecs-svc/1', status: 'ACTIVE', taskDefinition: td(1), runningCount: 2, rolloutState: 'COMPLETED' }),
  );
  ecs.serviceDeployments.set(ARN, { serviceDeploymentArn: ARN, status: 'PENDING', createdAt: new Date(EPOCH), deploymentConfiguration: { strategy } });
  return ecs;
}

function patch(ecs: FakeEcs, fields: ServiceDeployment): void {
  ecs.serviceDeployments.set(ARN, { ...ecs.serviceDeployments.get(ARN), ...fields });
}

const staged = (fields: Parameters<typeof target>[0] = {}) => target({ strategy: 'BLUE_GREEN', serviceDeploymentArn: ARN, ...fields });

describe('pauses while ECS is silent', () => {
  test('ECS stops answering during a pause: the wait still ends, UNKNOWN, after at most wait-timeout plus pause-timeout', async () => {
    const clock = new FakeClock();
    const ecs = blueGreen(clock).at(2_000, (e) => patch(e, { status: 'IN_PROGRESS', lifecycleStage: 'POST_SCALE_UP', lifecycleHookDetails: [PAUSED] }));
    ecs.failWhen = () => (clock.elapsed >= 10_000 ? awsError('ServerException', 500) : undefined);

    const outcome = await watchStaged({ ecs, clock, reporter: new RecordingReporter() }, staged(), options({ timeoutMs: 60_000, pauseTimeoutMs: 30_000 }));

    expect(outcome.status).toBe('UNKNOWN');
    expect(clock.elapsed).toBeLessThanOrEqual(60_000 + 30_000 + 2_000);
    expect(ecs.count('stopServiceDeployment')).toBe(0);
  }, 10_000);

  test('a rollback after pause-timeout is followed to its end though the hook still shows AWAITING_ACTION', async () => {
    const clock = new FakeClock();
    const ecs = blueGreen(clock).at(2_000, (e) => patch(e, { status: 'IN_PROGRESS', lifecycleStage: 'POST_SCALE_UP', lifecycleHookDetails: [PAUSED] }));
    ecs.onContinueServiceDeployment = (_arn, _hook, _action, e) => {
      patch(e, { status: 'ROLLBACK_REQUESTED' });
      e.at(e.clock.elapsed + 6_000, (later) => patch(later, { status: 'ROLLBACK_IN_PROGRESS' }));
      e.at(e.clock.elapsed + 10_000, (later) => patch(later, { status: 'ROLLBACK_SUCCESSFUL', lifecycleHookDetails: [{ ...PAUSED, status: 'SUCCEEDED' }] }));
    };

    const outcome = await watchStaged({ ecs, clock, reporter: new RecordingReporter() }, staged(), options({ pauseTimeoutMs: 30_000 }));

    expect(outcome).toMatchObject({ status: 'ROLLED_BACK', rolledBackTo: 'web:1' });
    expect(outcome.message).toContain('waited longer than pause-timeout (30s) at the PAUSE hook p1 (POST_SCALE_UP)');
    expect(ecs.count('continueServiceDeployment')).toBe(1);
  });
});

describe('races at the timeout', () => {
  test('ECS rolling back by itself at the timeout: no StopServiceDeployment; ROLLED_BACK with ECS’s reason', async () => {
    const clock = new FakeClock();
    const ecs = blueGreen(clock)
      .at(2_000, (e) => patch(e, { status: 'IN_PROGRESS', lifecycleStage: 'BAKE_TIME' }))
      .at(57_000, (e) => patch(e, { status: 'ROLLBACK_IN_PROGRESS', statusReason: 'alarm latency-high went off.' }))
      .at(80_000, (e) => patch(e, { status: 'ROLLBACK_SUCCESSFUL', statusReason: 'alarm latency-high went off.' }));
    const reporter = new RecordingReporter();

    const outcome = await watchStaged({ ecs, clock, reporter }, staged(), options({ timeoutMs: 60_000 }));

    expect(outcome).toMatchObject({ status: 'ROLLED_BACK', rolledBackTo: 'web:1' });
    expect(outcome.message).toContain('failed: alarm latency-high went off; ECS rolled back to web:1');
    expect(ecs.count('stopServiceDeployment')).toBe(0);
  });

  test('a StopServiceDeployment refused because the deployment just finished: COMPLETED, not a failed rollback', async () => {
    const clock = new FakeClock();
    const ecs = blueGreen(clock).at(2_000, (e) => patch(e, { status: 'IN_PROGRESS', lifecycleStage: 'CLEAN_UP' }));
    ecs.onStopServiceDeployment = (_arn, _type, e) => {
      patch(e, { status: 'SUCCESSFUL' });
      throw awsError('InvalidParameterException', 400, 'The service deployment is already in a terminal state.');
    };

    const outcome = await watchStaged({ ecs, clock, reporter: new RecordingReporter() }, staged(), options({ timeoutMs: 60_000 }));

    expect(outcome.status).toBe('COMPLETED');
    expect(outcome.message).toContain('the deployment completed first');
  });

  test('a StopServiceDeployment refused while the deployment goes on is still a failed rollback', async () => {
    const clock = new FakeClock();
    const ecs = blueGreen(clock).at(2_000, (e) => patch(e, { status: 'IN_PROGRESS', lifecycleStage: 'CLEAN_UP' }));
    ecs.onStopServiceDeployment = () => {
      throw awsError('AccessDeniedException', 400, 'not allowed: ecs:StopServiceDeployment');
    };
    const outcome = await watchStaged({ ecs, clock, reporter: new RecordingReporter() }, staged(), options({ timeoutMs: 60_000 }));
    expect(outcome).toMatchObject({ status: 'FAILED', message: expect.stringContaining('the rollback to web:1 failed: not allowed') });
  });
});

describe('followed without its service deployment: never rolled back by UpdateService', () => {
  /** A blue/green service whose new deployment never completes, and no service deployment ECS names. */
  function unnamed(clock: FakeClock): FakeEcs {
    const ecs = blueGreen(clock);
    ecs.serviceDeployments.clear();
    return ecs;
  }

  test('none found: TIMED_OUT within the one wait-timeout, saying why no rollback was sent', async () => {
    const clock = new FakeClock();
    const ecs = unnamed(clock);
    const reporter = new RecordingReporter();

    const outcome = await watchStaged({ ecs, clock, reporter }, target({ strategy: 'BLUE_GREEN' }), options({ timeoutMs: 60_000 }));

    expect(outcome.status).toBe('TIMED_OUT');
    expect(outcome.message).toContain('not rolled back: ECS named no service deployment to stop');
    expect(ecs.count('updateService')).toBe(0);
    expect(clock.elapsed).toBeLessThanOrEqual(60_000 + 2_000);
  });

  test('an endpoint without DescribeServiceDeployments: TIMED_OUT, no UpdateService', async () => {
    const clock = new FakeClock();
    const ecs = blueGreen(clock, 'CANARY');
    ecs.failWhen = (op) => (op === 'describeServiceDeployments' ? awsError('UnknownOperationException', 400) : undefined);

    const outcome = await watchStaged({ ecs, clock, reporter: new RecordingReporter() }, staged({ strategy: 'CANARY' }), options({ timeoutMs: 60_000 }));

    expect(outcome.status).toBe('TIMED_OUT');
    expect(outcome.message).toContain('a CANARY deployment is not rolled back by UpdateService');
    expect(ecs.count('updateService')).toBe(0);
    expect(clock.elapsed).toBeLessThanOrEqual(60_000 + 2_000);
  });

  test('a cancel with rollback-on-cancel while following the deployments list: CANCELLED, no UpdateService', async () => {
    const clock = new FakeClock();
    const cancel = new AbortController();
    const ecs = unnamed(clock);
    clock.at(20_000, () => cancel.abort('SIGTERM'));
    const afterCancel = new FakeEcs(clock);
    afterCancel.onUpdateService = () => undefined;

    const outcome = await watchStaged(
      { ecs, ecsAfterCancel: afterCancel, clock, reporter: new RecordingReporter() },
      target({ strategy: 'BLUE_GREEN' }),
      options({ rollbackOnCancel: true, cancel: cancel.signal }),
    );

    expect(outcome.status).toBe('CANCELLED');
    expect(outcome.message).toContain('not rolled back: ECS named no service deployment to stop');
    expect(afterCancel.count('updateService') + ecs.count('updateService')).toBe(0);
  });

  test('a cancel while looking for the service deployment: CANCELLED at once, no UpdateService', async () => {
    const clock = new FakeClock();
    const cancel = new AbortController();
    const ecs = unnamed(clock);
    clock.at(1_000, () => cancel.abort('SIGTERM'));
    const afterCancel = new FakeEcs(clock);
    afterCancel.onUpdateService = () => undefined;

    const outcome = await watchStaged(
      { ecs, ecsAfterCancel: afterCancel, clock, reporter: new RecordingReporter() },
      target({ strategy: 'BLUE_GREEN' }),
      options({ rollbackOnCancel: true, cancel: cancel.signal }),
    );

    expect(outcome.status).toBe('CANCELLED');
    expect(outcome.message).toContain('cancelled while looking for the service deployment');
    expect(afterCancel.count('updateService') + ecs.count('updateService')).toBe(0);
    expect(ecs.count('describeServices')).toBe(0);
  });
});
