// The blue/green, linear and canary watcher against a scripted ECS on a virtual clock: what it prints as the
// service deployment moves through its lifecycle stages, and how each ending becomes an outcome.
import type { DeploymentStrategy, ServiceDeployment } from '@aws-sdk/client-ecs';
import { describe, expect, test } from 'vitest';
import type { PausedDeploymentAt } from '../../src/watch/contract.js';
import { watchStaged } from '../../src/watch/watch-rollout.js';
import { CANCEL_ANSWER_CAP_MS } from '../../src/watch/settle.js';
import { EPOCH, FakeClock, FakeEcs, RecordingReporter, awsError, deployment, options, sdArn, stoppedTask, target, td } from './watch-fakes.js';

const ARN = sdArn(2);
const CHECK = 'arn:aws:lambda:eu-west-1:123456789012:function:check';

/** A blue/green service a moment after UpdateService to web:2: both revisions listed, the service deployment PENDING. */
function blueGreen(clock: FakeClock, strategy: DeploymentStrategy = 'BLUE_GREEN', config: ServiceDeployment['deploymentConfiguration'] = {}): FakeEcs {
  const ecs = new FakeEcs(clock, { currentServiceDeployment: ARN, deploymentConfiguration: { strategy } });
  ecs.setDeployments(
    deployment({ id: 'ecs-svc/2' }),
    deployment({ id: 'ecs-svc/1', status: 'ACTIVE', taskDefinition: td(1), runningCount: 2, rolloutState: 'COMPLETED' }),
  );
  ecs.serviceDeployments.set(ARN, {
    serviceDeploymentArn: ARN,
    status: 'PENDING',
    createdAt: new Date(EPOCH),
    deploymentConfiguration: { strategy, ...config },
    targetServiceRevision: { requestedProductionTrafficWeight: 0, requestedTestTrafficWeight: 0 },
  });
  return ecs;
}

function patch(ecs: FakeEcs, fields: ServiceDeployment): void {
  ecs.serviceDeployments.set(ARN, { ...ecs.serviceDeployments.get(ARN), ...fields });
}

const stage = (lifecycleStage: ServiceDeployment['lifecycleStage'], production?: number) => (ecs: FakeEcs) =>
  patch(ecs, {
    status: 'IN_PROGRESS',
    lifecycleStage,
    ...(production === undefined ? {} : { targetServiceRevision: { requestedProductionTrafficWeight: production, requestedTestTrafficWeight: 100 } }),
  });

const staged = (fields: Parameters<typeof target>[0] = {}) => target({ strategy: 'BLUE_GREEN', serviceDeploymentArn: ARN, ...fields });

describe('following a blue/green, linear or canary deployment', () => {
  test('prints each stage as it begins, the traffic share and the bake time, and completes on SUCCESSFUL', async () => {
    const clock = new FakeClock();
    const ecs = blueGreen(clock, 'BLUE_GREEN', { bakeTimeInMinutes: 5 })
      .at(1_000, stage('PRE_SCALE_UP'))
      .at(3_000, stage('SCALE_UP'))
      .at(9_000, stage('POST_SCALE_UP'))
      .at(11_000, stage('TEST_TRAFFIC_SHIFT'))
      .at(13_000, stage('PRODUCTION_TRAFFIC_SHIFT', 100))
      .at(15_000, stage('BAKE_TIME'))
      .at(15_000 + 5 * 60_000, stage('CLEAN_UP'))
      .at(15_000 + 5 * 60_000 + 4_000, (e) => patch(e, { status: 'SUCCESSFUL' }));
    const reporter = new RecordingReporter();

    const outcome = await watchStaged({ ecs, clock, reporter }, staged(), options());

    expect(outcome).toMatchObject({ status: 'COMPLETED', serviceDeploymentArn: ARN });
    expect(outcome.stages).toEqual(['PRE_SCALE_UP', 'SCALE_UP', 'POST_SCALE_UP', 'TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT', 'BAKE_TIME', 'CLEAN_UP']);
    const stageLines = reporter.lines.filter((line) => line.text.startsWith('Stage ')).map((line) => line.text.split(':')[0]);
    expect(stageLines).toEqual(outcome.stages?.map((name) => `Stage ${name}`));
    expect(reporter.count('Production traffic on the new revision (web:2): 100%, old: 0%')).toBe(1);
    expect(reporter.count('Bake time 5m, until about 12:05:16Z')).toBe(1);
    expect(reporter.lines.filter((line) => line.text.startsWith('Bake time left:')).map((line) => line.text)).toEqual([
      'Bake time left: 4m',
      'Bake time left: 3m',
      'Bake time left: 2m',
      'Bake time left: 1m',
    ]);
    // A stage begins at most one poll interval before it is printed.
    expect(clock.elapsed - (15_000 + 5 * 60_000 + 4_000)).toBeLessThanOrEqual(2_000);
    expect(reporter.groups[0]).toBe('Watching BLUE_GREEN deployment of web');
    expect(ecs.count('updateService')).toBe(0);
  });

  test('prints the tasks of the new and the old revision as their counts change, once per change', async () => {
    const clock = new FakeClock();
    const counts = (running: number, pending: number, old: number) => (ecs: FakeEcs) =>
      patch(ecs, {
        status: 'IN_PROGRESS',
        lifecycleStage: 'SCALE_UP',
        targetServiceRevision: { requestedTaskCount: 2, runningTaskCount: running, pendingTaskCount: pending },
        sourceServiceRevisions: [{ requestedTaskCount: 2, runningTaskCount: old }],
      });
    const ecs = blueGreen(clock)
      .at(2_000, counts(0, 2, 2))
      .at(6_000, counts(1, 1, 2))
      .at(10_000, counts(2, 0, 2))
      .at(20_000, counts(2, 0, 0))
      .at(22_000, (e) => patch(e, { status: 'SUCCESSFUL' }));
    const reporter = new RecordingReporter();

    await watchStaged({ ecs, clock, reporter }, staged(), options());

    expect(reporter.lines.filter((line) => line.text.startsWith('Tasks:')).map((line) => line.text)).toEqual([
      'Tasks: web:2 0/2 running, 2 pending; old revision 2 running',
      'Tasks: web:2 1/2 running, 1 pending; old revision 2 running',
      'Tasks: web:2 2/2 running; old revision 2 running',
      'Tasks: web:2 2/2 running; old revision 0 running',
    ]);
  });

  test('prints the share of each linear step and when the next comes', async () => {
    const clock = new FakeClock();
    const ecs = blueGreen(clock, 'LINEAR', { linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 1 } })
      .at(2_000, stage('PRODUCTION_TRAFFIC_SHIFT', 25))
      .at(62_000, stage('PRE_PRODUCTION_TRAFFIC_SHIFT' as ServiceDeployment['lifecycleStage']))
      .at(64_000, stage('PRODUCTION_TRAFFIC_SHIFT', 50))
      .at(124_000, stage('PRODUCTION_TRAFFIC_SHIFT', 100))
      .at(130_000, (e) => patch(e, { status: 'SUCCESSFUL' }));
    const reporter = new RecordingReporter();

    await watchStaged({ ecs, clock, reporter }, staged({ strategy: 'LINEAR' }), options());

    expect(reporter.lines.filter((line) => line.text.startsWith('Production traffic')).map((line) => line.text)).toEqual([
      'Production traffic on the new revision (web:2): 25%, old: 75%; next step after 1m',
      'Production traffic on the new revision (web:2): 50%, old: 50%; next step after 1m',
      'Production traffic on the new revision (web:2): 100%, old: 0%',
    ]);
  });

  test('a post-traffic hook that fails: ROLLED_BACK with the hook named, and the stopped tasks reported', async () => {
    const clock = new FakeClock();
    const hook = (status: 'IN_PROGRESS' | 'FAILED') => ({ hookId: 'h1', targetType: 'AWS_LAMBDA' as const, targetArn: CHECK, status });
    const ecs = blueGreen(clock, 'CANARY')
      .at(2_000, stage('PRODUCTION_TRAFFIC_SHIFT', 100))
      .at(4_000, (e) => patch(e, { lifecycleStage: 'POST_PRODUCTION_TRAFFIC_SHIFT', lifecycleHookDetails: [hook('IN_PROGRESS')] }))
      .at(6_000, (e) =>
        patch(e, {
          status: 'ROLLBACK_IN_PROGRESS',
          statusReason: `Service deployment rolled back because the lifecycle hook ${CHECK} failed at POST_PRODUCTION_TRAFFIC_SHIFT.`,
          lifecycleHookDetails: [hook('FAILED')],
        }),
      )
      .at(10_000, (e) => {
        patch(e, { status: 'ROLLBACK_SUCCESSFUL' });
        e.tasks = [stoppedTask({ taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/prod/t1', startedBy: 'ecs-svc/2', stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/1)' })];
      });
    const reporter = new RecordingReporter();

    const outcome = await watchStaged({ ecs, clock, reporter }, staged({ strategy: 'CANARY' }), options());

    expect(outcome.status).toBe('ROLLED_BACK');
    expect(outcome.rolledBackTo).toBe('web:1');
    expect(outcome.message).toContain(`lifecycle hook ${CHECK} failed at POST_PRODUCTION_TRAFFIC_SHIFT`);
    expect(reporter.count(`Hook ${CHECK} at POST_PRODUCTION_TRAFFIC_SHIFT: running`)).toBe(1);
    expect(reporter.count(`Hook ${CHECK} at POST_PRODUCTION_TRAFFIC_SHIFT: FAILED`)).toBe(1);
    expect(reporter.count('Service deployment ROLLBACK_IN_PROGRESS')).toBe(1);
    expect(outcome.failure?.stoppedTasks.map((task) => task.taskArn)).toEqual(['arn:aws:ecs:eu-west-1:123456789012:task/prod/t1']);
    expect(ecs.count('stopServiceDeployment')).toBe(0);
  });

  test('ROLLBACK_FAILED is FAILED, with the reason', async () => {
    const clock = new FakeClock();
    const ecs = blueGreen(clock).at(2_000, (e) => patch(e, { status: 'ROLLBACK_FAILED', statusReason: 'alarm latency-high went off.' }));
    const outcome = await watchStaged({ ecs, clock, reporter: new RecordingReporter() }, staged(), options());
    expect(outcome).toMatchObject({ status: 'FAILED', message: expect.stringContaining('ECS could not roll back: alarm latency-high went off') });
  });

  test('STOPPED by a newer service deployment is SUPERSEDED; STOPPED by someone else is CANCELLED', async () => {
    const clock = new FakeClock();
    const ecs = blueGreen(clock).at(2_000, (e) => {
      patch(e, { status: 'STOPPED', statusReason: 'stopped' });
      e.service.currentServiceDeployment = sdArn(3);
      e.setDeployments(deployment({ id: 'ecs-svc/3', taskDefinition: td(3) }), deployment({ id: 'ecs-svc/2', status: 'ACTIVE' }));
    });
    const superseded = await watchStaged({ ecs, clock, reporter: new RecordingReporter() }, staged(), options());
    expect(superseded).toMatchObject({ status: 'SUPERSEDED', supersededBy: 'web:3' });

    const clock2 = new FakeClock();
    const ecs2 = blueGreen(clock2).at(2_000, (e) => patch(e, { status: 'STOPPED', statusReason: 'Stopped by a user.' }));
    const stopped = await watchStaged({ ecs: ecs2, clock: clock2, reporter: new RecordingReporter() }, staged(), options());
    expect(stopped).toMatchObject({ status: 'CANCELLED', message: expect.stringContaining('stopped outside this run: Stopped by a user') });
  });

  test('STOPPED by the circuit breaker (no rollback configured) is FAILED, with the breaker named', async () => {
    const clock = new FakeClock();
    const ecs = blueGreen(clock).at(2_000, (e) =>
      patch(e, {
        status: 'STOPPED',
        statusReason: 'Service deployment failed: the deployment circuit breaker threshold was reached.',
        deploymentCircuitBreaker: { status: 'TRIGGERED', failureCount: 3, threshold: 3 },
      }),
    );
    const outcome = await watchStaged({ ecs, clock, reporter: new RecordingReporter() }, staged(), options({ rollback: false }));
    expect(outcome).toMatchObject({ status: 'FAILED', message: expect.stringContaining('circuit breaker threshold was reached') });
  });

  test('ROLLBACK_REQUESTED and ROLLBACK_IN_PROGRESS are not final: the wait goes on to the rollback’s end', async () => {
    const clock = new FakeClock();
    const ecs = blueGreen(clock)
      .at(2_000, (e) => patch(e, { status: 'ROLLBACK_REQUESTED' }))
      .at(6_000, (e) => patch(e, { status: 'ROLLBACK_IN_PROGRESS' }))
      .at(20_000, (e) => patch(e, { status: 'ROLLBACK_SUCCESSFUL', statusReason: 'Service deployment rolled back.' }));
    const outcome = await watchStaged({ ecs, clock, reporter: new RecordingReporter() }, staged(), options());
    expect(outcome.status).toBe('ROLLED_BACK');
    expect(clock.elapsed).toBeGreaterThanOrEqual(20_000);
  });

  test('a PAUSE hook is shown with the exact command that resumes it; by default the pause counts toward wait-timeout', async () => {
    const clock = new FakeClock();
    const ecs = blueGreen(clock).at(2_000, (e) =>
      patch(e, {
        status: 'IN_PROGRESS',
        lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT',
        lifecycleHookDetails: [{ hookId: 'ecs-pause-abc', targetType: 'PAUSE', status: 'AWAITING_ACTION', expiresAt: new Date(EPOCH + 3_600_000), timeoutAction: 'ROLLBACK' }],
      }),
    );
    ecs.onStopServiceDeployment = (_arn, _type, e) => {
      patch(e, { status: 'ROLLBACK_REQUESTED' });
      e.at(e.clock.elapsed + 4_000, (later) => patch(later, { status: 'ROLLBACK_SUCCESSFUL' }));
    };
    const reporter = new RecordingReporter();

    const outcome = await watchStaged({ ecs, clock, reporter }, staged(), options({ timeoutMs: 60_000 }));

    expect(reporter.text).toContain('Paused at POST_TEST_TRAFFIC_SHIFT: PAUSE hook ecs-pause-abc awaits action; it expires at 2026-01-05T13:00:00Z, then ECS rolls back.');
    expect(reporter.text).toContain(
      `aws ecs continue-service-deployment --region eu-west-1 --service-deployment-arn ${ARN} --hook-id ecs-pause-abc --action CONTINUE`,
    );
    expect(reporter.text).toContain('This wait counts toward wait-timeout (1m)');
    // Timed out at 60 s, then rolled back through StopServiceDeployment, not UpdateService.
    expect(ecs.calls.filter((call) => call.op === 'stopServiceDeployment').map((call) => [call.at, call.input])).toEqual([[60_000, { arn: ARN, stopType: 'ROLLBACK' }]]);
    expect(ecs.count('updateService')).toBe(0);
    expect(outcome).toMatchObject({ status: 'ROLLED_BACK', rolledBackTo: 'web:1', message: expect.stringContaining('did not finish within 1m (at POST_TEST_TRAFFIC_SHIFT)') });
  });

  test('with pause-timeout the pause has its own limit and does not use up wait-timeout', async () => {
    const clock = new FakeClock();
    const pausedHook = { hookId: 'ecs-pause-abc', targetType: 'PAUSE' as const, status: 'AWAITING_ACTION' as const };
    const ecs = blueGreen(clock)
      .at(2_000, (e) => patch(e, { status: 'IN_PROGRESS', lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT', lifecycleHookDetails: [pausedHook] }))
      .at(100_000, (e) => patch(e, { lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT', lifecycleHookDetails: [{ ...pausedHook, status: 'SUCCEEDED' }] }))
      .at(130_000, (e) => patch(e, { status: 'SUCCESSFUL' }));
    const reporter = new RecordingReporter();

    // 100 s at the pause and 30 s more: over wait-timeout (60 s) in all, but not without the pause.
    const outcome = await watchStaged({ ecs, clock, reporter }, staged(), options({ timeoutMs: 60_000, pauseTimeoutMs: 300_000 }));

    expect(outcome.status).toBe('COMPLETED');
    expect(reporter.text).toContain('pause-timeout 5m applies; the wait-timeout clock stops meanwhile.');
    // Its end shows in a later stage; it is named with the stage it ran at.
    expect(reporter.count('Hook PAUSE ecs-pause-abc at POST_TEST_TRAFFIC_SHIFT: passed')).toBe(1);
  });

  test('a pause longer than pause-timeout ends the wait and rolls back', async () => {
    const clock = new FakeClock();
    const ecs = blueGreen(clock).at(2_000, (e) =>
      patch(e, { status: 'IN_PROGRESS', lifecycleStage: 'POST_SCALE_UP', lifecycleHookDetails: [{ hookId: 'p1', targetType: 'PAUSE', status: 'AWAITING_ACTION' }] }),
    );
    ecs.onContinueServiceDeployment = (_arn, _hook, action, e) => patch(e, { status: action === 'ROLLBACK' ? 'ROLLBACK_SUCCESSFUL' : 'IN_PROGRESS' });
    const outcome = await watchStaged({ ecs, clock, reporter: new RecordingReporter() }, staged(), options({ pauseTimeoutMs: 30_000 }));
    expect(outcome.status).toBe('ROLLED_BACK');
    expect(outcome.message).toContain('waited longer than pause-timeout (30s) at the PAUSE hook p1 (POST_SCALE_UP)');
    expect(clock.elapsed).toBeLessThanOrEqual(2_000 + 30_000 + 4_000);
  });

  /** A linear deployment that waits at a PAUSE hook before each of two steps, at 2 s and 20 s; `continued` lets it go on. */
  function pausingLinear(clock: FakeClock, endsAt: number): { ecs: FakeEcs; continued: (paused: PausedDeploymentAt) => Promise<void>; asked: PausedDeploymentAt[] } {
    const hook = (hookId: string, status: 'AWAITING_ACTION' | 'SUCCEEDED') => ({ hookId, targetType: 'PAUSE' as const, status });
    const beforeStep = 'PRE_PRODUCTION_TRAFFIC_SHIFT' as ServiceDeployment['lifecycleStage'];
    const ecs = blueGreen(clock, 'LINEAR', { linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 0 } })
      .at(2_000, (e) => patch(e, { status: 'IN_PROGRESS', lifecycleStage: beforeStep, lifecycleHookDetails: [hook('p1', 'AWAITING_ACTION')] }))
      .at(20_000, (e) => patch(e, { lifecycleStage: beforeStep, lifecycleHookDetails: [hook('p1', 'SUCCEEDED'), hook('p2', 'AWAITING_ACTION')] }))
      .at(endsAt, (e) => patch(e, { status: 'SUCCESSFUL' }));
    const asked: PausedDeploymentAt[] = [];
    const continued = (paused: PausedDeploymentAt): Promise<void> => {
      asked.push(paused);
      const details = ecs.serviceDeployments.get(ARN)?.lifecycleHookDetails ?? [];
      patch(ecs, { lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT', lifecycleHookDetails: details.map((detail) => (detail.hookId === paused.hookId ? { ...detail, status: 'SUCCEEDED' } : detail)) });
      return Promise.resolve();
    };
    return { ecs, continued, asked };
  }

  test('continuePause: each pause of the deployment the target names is continued, not printed as waiting for someone, and the watch follows on', async () => {
    const clock = new FakeClock();
    const { ecs, continued, asked } = pausingLinear(clock, 40_000);
    const reporter = new RecordingReporter();

    const outcome = await watchStaged({ ecs, clock, reporter }, staged({ strategy: 'LINEAR' }), options({ timeoutMs: 60_000, continuePause: continued }));

    expect(outcome).toMatchObject({ status: 'COMPLETED', serviceDeploymentArn: ARN });
    expect(asked).toEqual([
      { serviceDeploymentArn: ARN, hookId: 'p1', stage: 'PRE_PRODUCTION_TRAFFIC_SHIFT' },
      { serviceDeploymentArn: ARN, hookId: 'p2', stage: 'PRE_PRODUCTION_TRAFFIC_SHIFT' },
    ]);
    expect(reporter.text).not.toContain('Paused at');
    expect(reporter.text).not.toContain('aws ecs continue-service-deployment');
    expect(reporter.count('Hook PAUSE p1 at PRE_PRODUCTION_TRAFFIC_SHIFT: passed')).toBe(1);
    expect(reporter.groups).toEqual(['Watching LINEAR deployment of web']);
  });

  test('continuePause: the pauses share one wait-timeout, which does not start again after each continue', async () => {
    const clock = new FakeClock();
    const { ecs, continued, asked } = pausingLinear(clock, 80_000);

    const outcome = await watchStaged({ ecs, clock, reporter: new RecordingReporter() }, staged({ strategy: 'LINEAR' }), options({ timeoutMs: 60_000, rollback: false, continuePause: continued }));

    expect(asked).toHaveLength(2);
    expect(outcome).toMatchObject({ status: 'TIMED_OUT', message: expect.stringContaining('did not finish within 1m') });
    expect(clock.elapsed).toBeLessThanOrEqual(64_000);
  });

  test('continuePause is not used on a service deployment found by looking: it may be someone else\'s', async () => {
    const clock = new FakeClock();
    const { ecs, continued, asked } = pausingLinear(clock, 40_000);
    const reporter = new RecordingReporter();

    const outcome = await watchStaged({ ecs, clock, reporter }, target({ strategy: 'LINEAR' }), options({ timeoutMs: 30_000, rollback: false, continuePause: continued }));

    expect(asked).toEqual([]);
    expect(reporter.text).toContain(`aws ecs continue-service-deployment --region eu-west-1 --service-deployment-arn ${ARN} --hook-id p1 --action CONTINUE`);
    expect(outcome).toMatchObject({ status: 'TIMED_OUT', serviceDeploymentArn: ARN });
  });

  test('wait-until traffic-shifted ends at the bake time: COMPLETED, saying the bake time still ran', async () => {
    const clock = new FakeClock();
    const ecs = blueGreen(clock, 'BLUE_GREEN', { bakeTimeInMinutes: 30 })
      .at(2_000, stage('PRODUCTION_TRAFFIC_SHIFT', 100))
      .at(6_000, stage('BAKE_TIME'));
    const reporter = new RecordingReporter();

    const outcome = await watchStaged({ ecs, clock, reporter }, staged(), options({ waitUntil: 'traffic-shifted' }));

    expect(outcome).toMatchObject({ status: 'COMPLETED', bakeTimeRunning: true });
    expect(outcome.message).toContain('the bake time was still running');
    expect(clock.elapsed).toBe(6_000);
  });

  test('a cancel with rollback-on-cancel stops the service deployment with ROLLBACK on the cancel-proof client, capped', async () => {
    const clock = new FakeClock();
    const cancel = new AbortController();
    const ecs = blueGreen(clock).at(2_000, stage('PRODUCTION_TRAFFIC_SHIFT', 50));
    clock.at(5_000, () => cancel.abort('SIGTERM'));
    const afterCancel = new FakeEcs(clock);
    afterCancel.onStopServiceDeployment = () => undefined;
    const reporter = new RecordingReporter();

    const outcome = await watchStaged(
      { ecs, ecsAfterCancel: afterCancel, clock, reporter },
      staged(),
      options({ rollbackOnCancel: true, cancel: cancel.signal }),
    );

    expect(outcome.status).toBe('CANCELLED');
    expect(outcome.message).toContain('the rollback to web:1 started (ECS answered the StopServiceDeployment)');
    expect(afterCancel.calls.map((call) => call.input)).toEqual([{ arn: ARN, stopType: 'ROLLBACK' }]);
    expect(ecs.count('stopServiceDeployment')).toBe(0);

    // An answer that never comes holds the cancelled run at most the cap.
    const clock2 = new FakeClock();
    const cancel2 = new AbortController();
    const ecs2 = blueGreen(clock2);
    clock2.at(3_000, () => cancel2.abort('SIGTERM'));
    const hanging = new FakeEcs(clock2);
    hanging.hangOn = () => true;
    const outcome2 = await watchStaged({ ecs: ecs2, ecsAfterCancel: hanging, clock: clock2, reporter: new RecordingReporter() }, staged(), options({ rollbackOnCancel: true, cancel: cancel2.signal }));
    expect(outcome2.message).toContain('did not answer the StopServiceDeployment within 10s');
    expect(clock2.elapsed).toBeLessThanOrEqual(3_000 + CANCEL_ANSWER_CAP_MS);
  });

  test('read errors are retried until the timeout and end as UNKNOWN, rolling nothing back', async () => {
    const clock = new FakeClock();
    const ecs = blueGreen(clock).at(2_000, stage('SCALE_UP'));
    ecs.failWhen = (op) => (clock.elapsed >= 4_000 && op === 'describeServiceDeployments' ? awsError('ServerException', 500) : undefined);
    const reporter = new RecordingReporter();

    const outcome = await watchStaged({ ecs, clock, reporter }, staged(), options({ timeoutMs: 30_000 }));

    expect(outcome.status).toBe('UNKNOWN');
    expect(outcome.message).toContain('ECS did not answer in the last');
    expect(ecs.count('stopServiceDeployment')).toBe(0);
    expect(outcome.serviceDeploymentArn).toBe(ARN);
  });

  test('without the ARN from the update, the newest service deployment since the update is followed', async () => {
    const clock = new FakeClock();
    const ecs = blueGreen(clock).at(2_000, (e) => patch(e, { status: 'SUCCESSFUL' }));
    const outcome = await watchStaged({ ecs, clock, reporter: new RecordingReporter() }, target({ strategy: 'BLUE_GREEN' }), options());
    expect(outcome).toMatchObject({ status: 'COMPLETED', serviceDeploymentArn: ARN });
    expect(ecs.count('listServiceDeployments')).toBe(1);
  });

  test('an endpoint without the service-deployment API is followed as a rolling update', async () => {
    const clock = new FakeClock();
    const ecs = blueGreen(clock).at(4_000, (e) => e.setDeployments(deployment({ id: 'ecs-svc/2', runningCount: 2, rolloutState: 'COMPLETED' })));
    ecs.failWhen = (op) => (op === 'describeServiceDeployments' ? awsError('UnknownOperationException', 400) : undefined);
    const reporter = new RecordingReporter();
    const outcome = await watchStaged({ ecs, clock, reporter }, staged(), options());
    expect(outcome.status).toBe('COMPLETED');
    expect(reporter.text).toContain('DescribeServiceDeployments is not available here');
  });
});
