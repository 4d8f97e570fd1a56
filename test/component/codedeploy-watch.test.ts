// The CodeDeploy watcher against a scripted CodeDeploy and ECS on virtual time: how each ending reads, what is
// stopped and when, and that reads that fail end in UNKNOWN without touching the deployment.
import { describe, expect, test } from 'vitest';
import { watchCodeDeployment, type CodeDeployWatchOptions } from '../../src/codedeploy/watch.js';
import { FakeCodeDeploy } from './codedeploy-fakes.js';
import { CLUSTER, FakeClock, FakeEcs, REGION, RecordingReporter, SERVICE, awsError, stoppedTask, td } from './watch-fakes.js';

const POLL_MS = 2000;

function setup(options: Partial<CodeDeployWatchOptions> = {}) {
  const clock = new FakeClock();
  const codeDeploy = new FakeCodeDeploy(clock);
  const afterCancel = new FakeCodeDeploy(clock);
  const ecs = new FakeEcs(clock);
  const reporter = new RecordingReporter();
  const cancel = new AbortController();
  const watch = () =>
    watchCodeDeployment(
      { api: codeDeploy, afterCancel, ecs, clock, reporter },
      {
        deploymentId: 'd-1',
        application: 'AppECS-prod-web',
        deploymentGroup: 'DgpECS-prod-web',
        cluster: CLUSTER,
        service: SERVICE,
        region: REGION,
        taskDefinitionArn: td(2),
        previousTaskDefinitionArn: td(1),
        terminationWaitMinutes: 5,
      },
      { timeoutMs: 60_000, pollIntervalMs: POLL_MS, rollback: true, cancel: cancel.signal, ...options },
    );
  return { clock, codeDeploy, afterCancel, ecs, reporter, cancel, watch };
}

/** Passes every event up to and including `last`, in order, one second apart from `from`. */
function pass(codeDeploy: FakeCodeDeploy, id: string, events: string[], from: number): number {
  events.forEach((name, index) => codeDeploy.at(from + index * 1000, () => codeDeploy.event(id, name, 'Succeeded')));
  return from + events.length * 1000;
}

const ALL = ['BeforeInstall', 'Install', 'AfterInstall', 'AllowTestTraffic', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic'];

describe('watchCodeDeployment', () => {
  test('Succeeded: COMPLETED, each lifecycle event printed once as it changes, polled every poll-interval', async () => {
    const { codeDeploy, reporter, watch, clock } = setup();
    codeDeploy.put('d-1');
    const end = pass(codeDeploy, 'd-1', ALL, 1000);
    codeDeploy.at(end + 500, () => {
      codeDeploy.deployments.get('d-1')!.info.status = 'Succeeded';
    });

    const outcome = await watch();

    expect(outcome).toMatchObject({ status: 'COMPLETED', message: 'CodeDeploy deployment d-1 (web:2) succeeded in 10s', stages: ALL });
    for (const name of ALL) expect(reporter.lines.filter((line) => line.text === `  ${name}: Succeeded`)).toHaveLength(1);
    expect(reporter.text).toContain('CodeDeploy deployment d-1: Succeeded');
    expect(clock.sleeps.every((ms) => ms === POLL_MS)).toBe(true);
    expect(codeDeploy.count('getDeployment')).toBe(6);
    expect(codeDeploy.count('listDeploymentTargets')).toBe(1);
  });

  test('the termination wait: the time left printed once a minute until CodeDeploy ends it', async () => {
    const { codeDeploy, reporter, watch } = setup({ timeoutMs: 10 * 60_000 });
    codeDeploy.put('d-1');
    const end = pass(codeDeploy, 'd-1', ALL, 1000);
    codeDeploy.at(end, () => {
      codeDeploy.deployments.get('d-1')!.info.instanceTerminationWaitTimeStarted = true;
    });
    codeDeploy.at(end + 5 * 60_000, () => {
      codeDeploy.deployments.get('d-1')!.info.status = 'Succeeded';
    });

    const outcome = await watch();

    expect(outcome.status).toBe('COMPLETED');
    expect(reporter.lines.filter((line) => line.text.startsWith('Termination wait:')).map((line) => line.text)).toEqual([
      'Termination wait: about 4m left',
      'Termination wait: about 3m left',
      'Termination wait: about 2m left',
      'Termination wait: about 1m left',
      'Termination wait: over; CodeDeploy ends the deployment once the original task set is gone',
    ]);
  });

  test('until traffic shifted: COMPLETED once the termination wait begins, saying so; nothing stopped', async () => {
    const { codeDeploy, reporter, watch } = setup({ untilTrafficShifted: true });
    codeDeploy.put('d-1');
    const end = pass(codeDeploy, 'd-1', ALL, 1000);
    codeDeploy.at(end, () => {
      codeDeploy.deployments.get('d-1')!.info.instanceTerminationWaitTimeStarted = true;
    });

    const outcome = await watch();

    expect(outcome).toMatchObject({ status: 'COMPLETED', trafficShiftedOnly: true });
    expect(outcome.message).toContain('the original task set is still in its termination wait');
    expect(reporter.text).toContain("the original one is kept for the deployment group's termination wait (5m)");
    expect(reporter.text).toContain('aws deploy continue-deployment --deployment-id d-1 --deployment-wait-type TERMINATION_WAIT');
    expect(codeDeploy.count('stopDeployment')).toBe(0);
  });

  test('a failed hook with CodeDeploy rolling back: ROLLED_BACK with the diagnostics, the error information and the stopped tasks', async () => {
    const { codeDeploy, ecs, reporter, watch } = setup();
    codeDeploy.put('d-1');
    const at = pass(codeDeploy, 'd-1', ALL.slice(0, 4), 1000);
    ecs.tasks = [
      stoppedTask({ taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/prod/t1', stoppedReason: 'Essential container in task exited', containers: [{ name: 'web', exitCode: 1 }] }),
      stoppedTask({ taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/prod/old', taskDefinitionArn: td(1), stoppedReason: 'Scaling activity' }),
    ];
    codeDeploy.at(at, () => {
      codeDeploy.event('d-1', 'AfterAllowTestTraffic', 'Failed', {
        diagnostics: { errorCode: 'ScriptFailed', message: 'smoke test got 503', logTail: 'GET /health 503\n' },
      });
      Object.assign(codeDeploy.deployments.get('d-1')!.info, {
        status: 'Failed',
        errorInformation: { code: 'HOOK_EXECUTION_FAILURE', message: 'A lifecycle hook failed.' },
        rollbackInfo: { rollbackDeploymentId: 'd-2' },
      });
      codeDeploy.put('d-2');
    });
    codeDeploy.at(at + 3000, () => {
      codeDeploy.deployments.get('d-2')!.info.status = 'Succeeded';
    });

    const outcome = await watch();

    expect(outcome.status).toBe('ROLLED_BACK');
    expect(outcome.rolledBackTo).toBe('web:1');
    expect(outcome.message).toBe(
      'CodeDeploy deployment d-1 (web:2) failed: lifecycle event AfterAllowTestTraffic failed (ScriptFailed: smoke test got 503); HOOK_EXECUTION_FAILURE: A lifecycle hook failed; CodeDeploy rolled back to web:1',
    );
    expect(outcome.failure?.events).toEqual(['Lifecycle event AfterAllowTestTraffic failed: ScriptFailed: smoke test got 503', '  log tail:', '    GET /health 503']);
    expect(outcome.failure?.stoppedTasks.map((task) => task.taskArn)).toEqual(['arn:aws:ecs:eu-west-1:123456789012:task/prod/t1']);
    expect(reporter.lines.find((line) => line.level === 'error')?.text).toContain('failed: lifecycle event AfterAllowTestTraffic failed');
    expect(reporter.text).toContain('  task t1: Essential container in task exited');
    expect(reporter.groups).toContain("Watching CodeDeploy's rollback d-2 to web:1");
  });

  test('a failure without a rollback: FAILED', async () => {
    const { codeDeploy, watch } = setup();
    codeDeploy.put('d-1');
    codeDeploy.at(3000, () => {
      codeDeploy.event('d-1', 'Install', 'Failed');
      Object.assign(codeDeploy.deployments.get('d-1')!.info, { status: 'Failed', errorInformation: { code: 'ECS_UPDATE_ERROR', message: 'Tasks failed to start.' } });
    });

    const outcome = await watch();

    expect(outcome).toMatchObject({
      status: 'FAILED',
      message: 'CodeDeploy deployment d-1 (web:2) failed: lifecycle event Install failed; ECS_UPDATE_ERROR: Tasks failed to start',
    });
  });

  test('timeout: StopDeployment with rollback, then the rollback followed to its end: ROLLED_BACK', async () => {
    const { codeDeploy, watch, reporter } = setup({ timeoutMs: 10_000 });
    codeDeploy.put('d-1', {}, { BeforeInstall: 'Succeeded', Install: 'InProgress' });
    const stop = codeDeploy.stopDeployment.bind(codeDeploy);
    codeDeploy.stopDeployment = async (id, rollback) => {
      const answer = await stop(id, rollback);
      Object.assign(codeDeploy.deployments.get('d-1')!.info, { status: 'Stopped', rollbackInfo: { rollbackDeploymentId: 'd-2' } });
      codeDeploy.put('d-2', { status: 'Succeeded' });
      return answer;
    };

    const outcome = await watch();

    expect(codeDeploy.calls.filter((call) => call.op === 'stopDeployment')).toEqual([
      { op: 'stopDeployment', input: { deploymentId: 'd-1', autoRollbackEnabled: true }, at: 10_000 },
    ]);
    expect(outcome.status).toBe('ROLLED_BACK');
    expect(outcome.message).toBe(
      'CodeDeploy deployment d-1 (web:2) did not finish within 10s; last seen: InProgress; Install: InProgress; stopped; CodeDeploy rolled back to web:1',
    );
    expect(reporter.text).toContain('Stopping d-1 with rollback');
  });

  test('timeout in the termination wait, after traffic moved: TIMED_OUT, and the deployment is not stopped', async () => {
    const { codeDeploy, watch } = setup({ timeoutMs: 10_000 });
    codeDeploy.put('d-1', { instanceTerminationWaitTimeStarted: true }, Object.fromEntries(ALL.map((name) => [name, 'Succeeded'])));

    const outcome = await watch();

    expect(codeDeploy.count('stopDeployment')).toBe(0);
    expect(outcome.status).toBe('TIMED_OUT');
    expect(outcome.message).toContain('the original task set was in its termination wait, so the deployment is left to finish');
  });

  test('timeout with rollback false: stopped without rollback, TIMED_OUT', async () => {
    const { codeDeploy, watch } = setup({ timeoutMs: 10_000, rollback: false });
    codeDeploy.put('d-1');

    const outcome = await watch();

    expect(codeDeploy.calls.find((call) => call.op === 'stopDeployment')?.input).toEqual({ deploymentId: 'd-1', autoRollbackEnabled: false });
    expect(outcome.status).toBe('TIMED_OUT');
  });

  test('the deployment succeeds just as the wait times out: the refused StopDeployment is followed by a read, COMPLETED', async () => {
    const { codeDeploy, watch } = setup({ timeoutMs: 10_000 });
    codeDeploy.put('d-1');
    codeDeploy.failWhen = (op) => {
      if (op !== 'stopDeployment') return undefined;
      codeDeploy.deployments.get('d-1')!.info.status = 'Succeeded';
      return Object.assign(new Error('The deployment is already completed.'), { name: 'DeploymentAlreadyCompletedException', $fault: 'client', $metadata: { httpStatusCode: 400 } });
    };

    const outcome = await watch();

    expect(outcome.status).toBe('COMPLETED');
    expect(outcome.message).toMatch(/succeeded just as the wait timed out/);
  });

  test('a cancel while the timed-out deployment\'s failure is read: the stop goes on the client the cancel does not abort', async () => {
    const { codeDeploy, afterCancel, cancel, ecs, watch } = setup({ timeoutMs: 10_000 });
    codeDeploy.put('d-1');
    // Reading the stopped tasks is where the cancel lands.
    const listTasks = ecs.listTasks.bind(ecs);
    ecs.listTasks = async (...args: Parameters<typeof ecs.listTasks>) => {
      cancel.abort('SIGTERM');
      return listTasks(...args);
    };

    const outcome = await watch();

    expect(codeDeploy.count('stopDeployment')).toBe(0);
    expect(afterCancel.calls.filter((call) => call.op === 'stopDeployment').map((call) => call.input)).toEqual([{ deploymentId: 'd-1', autoRollbackEnabled: true }]);
    expect(outcome.status).toBe('CANCELLED');
  });

  test('cancel: StopDeployment with rollback on the client the cancel does not abort; CANCELLED', async () => {
    const { codeDeploy, afterCancel, cancel, clock, watch } = setup();
    codeDeploy.put('d-1');
    clock.at(5000, () => cancel.abort('SIGTERM'));

    const outcome = await watch();

    expect(codeDeploy.count('stopDeployment')).toBe(0);
    expect(afterCancel.calls).toEqual([{ op: 'stopDeployment', input: { deploymentId: 'd-1', autoRollbackEnabled: true }, at: 5000 }]);
    expect(outcome).toMatchObject({
      status: 'CANCELLED',
      message: 'cancelled while CodeDeploy deployment d-1 (web:2) was in progress; the rollback to web:1 started (CodeDeploy answered the StopDeployment of d-1)',
    });
  });

  test('CodeDeploy stops answering: retried until the timeout at the slowed pace of every watch, then UNKNOWN with what was last seen; nothing stopped', async () => {
    const { codeDeploy, watch, reporter } = setup({ timeoutMs: 20_000 });
    codeDeploy.put('d-1', {}, { BeforeInstall: 'InProgress' });
    codeDeploy.failWhen = (op, call) => (op === 'getDeployment' && call > 1 ? awsError('InternalFailure', 500, 'We encountered an internal error.') : undefined);

    const outcome = await watch();

    expect(outcome.status).toBe('UNKNOWN');
    expect(outcome.lastSeen).toBe('InProgress; BeforeInstall: InProgress');
    expect(outcome.message).toContain('CodeDeploy did not answer in the last');
    expect(codeDeploy.count('stopDeployment')).toBe(0);
    // The pace every watch keeps without answers: 2 s, doubled after each failed read up to 8 s; the last read on the deadline.
    const reads = codeDeploy.calls.filter((call) => call.op === 'getDeployment').map((call) => call.at);
    expect(reads).toEqual([0, 2000, 6000, 14_000, 20_000]);
    expect(reporter.lines.filter((line) => line.text.startsWith('CodeDeploy did not answer'))).toHaveLength(1);
  });

  test('stopped by a later deployment of the group: SUPERSEDED', async () => {
    const { codeDeploy, watch } = setup();
    codeDeploy.put('d-1');
    codeDeploy.at(3000, () => {
      Object.assign(codeDeploy.deployments.get('d-1')!.info, { status: 'Stopped', errorInformation: { code: 'MANUAL_STOP', message: 'Stopped.' } });
      codeDeploy.put('d-9');
    });

    const outcome = await watch();

    expect(outcome).toMatchObject({
      status: 'SUPERSEDED',
      message: 'CodeDeploy deployment d-1 (web:2) was stopped (MANUAL_STOP: Stopped); deployment d-9, started after it, took over',
    });
  });
});
