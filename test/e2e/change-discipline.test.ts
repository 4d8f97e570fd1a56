// Every change the bundle sends, end to end against the stand-in through the fault proxy: a request ECS applies only
// after the client gave up is found by the read-back and never sent twice; an answer that trickles in cannot stretch a
// call; throttling and 5xx are retried; a refusal is reported in AWS's words; a cancel with a change in flight waits a
// few seconds, reads back once, stops what it started and names what it could not settle.
import { type TestContext, describe, expect, test } from 'vitest';
import type { EcsStandin, TaskScript } from '../standin/index.js';
import { type Rig, type SignalledRun, faultRig, signalOnProxyCall } from '../support/fault-rig.js';
import type { ProxyCall } from '../support/fault-proxy.js';
import type { BundleOptions, BundleRun } from '../support/run-bundle.js';
import { SHORT_TIMING, appSpec, applied, arnOf, deployWeb, outputsOf, seedCodeDeployWeb, seedWeb, testDir } from '../support/standin-e2e.js';

/** Far past any run here that nothing hangs in; a run that reaches it hung, and its test fails on the exit code. */
const KILL_AFTER_MS = 100_000;
/** A bound that tells a run that ends after a signal from one that lingers; not a performance check. */
const CANCEL_BOUND_MS = 12_000;
/** The same when the only change is the StopTask a cancel makes. */
const STOP_ON_CANCEL_BOUND_MS = 5_000;
const CODEDEPLOY = 'CodeDeploy_20141006.';

/** web:1 running steady as the rolling service web, unless `setup` seeds otherwise, behind the fault proxy. */
async function rig(context: TestContext, setup: (standin: EcsStandin) => void = seedWeb): Promise<Rig> {
  const rigged = await faultRig(context, { timing: SHORT_TIMING });
  setup(rigged.standin);
  return rigged;
}

function withTask(script: TaskScript): (standin: EcsStandin) => void {
  return (standin) => {
    seedWeb(standin);
    standin.setTaskScript(script);
  };
}

function deploy({ proxy, standin }: Rig, args: string[] = [], options: Omit<BundleOptions, 'args' | 'env'> = {}): Promise<BundleRun> {
  return deployWeb(standin, args, { url: proxy.url, codeDeploy: true, waitTimeout: '60s', timeoutMs: KILL_AFTER_MS, ...options });
}

/** Sends SIGTERM once the proxy holds a call that `ready` picks (and a moment more for it to be in flight). */
function deployAndSignal(rig: Rig, args: string[], ready: (call: ProxyCall) => boolean, options: Pick<BundleOptions, 'cwd'> = {}): Promise<SignalledRun> {
  return signalOnProxyCall(rig.proxy, ready, (onStart) => deploy(rig, args, { ...options, onStart }));
}

describe.concurrent('a change ECS applies after the client gave up is read back, never sent twice (D2)', () => {
  test('UpdateService with force-new-deployment applied late: one new deployment, the run follows it to COMPLETED', { timeout: 120_000 }, async (context) => {
    const setup = await rig(context);
    const before = setup.standin.serviceDeployments('web').length;
    setup.proxy.inject({ operation: 'UpdateService', fault: 'late-apply', delayMs: 3_000 });

    const run = await deploy(setup, ['--force-new-deployment', 'true']);

    expect(run.code, run.log).toBe(0);
    expect(outputsOf(run)['deployment-status']).toBe('COMPLETED');
    expect(setup.proxy.calls.find((call) => call.operation === 'UpdateService')).toMatchObject({ forwardedAfterClientGaveUp: true });
    expect(applied(setup.standin, 'UpdateService')).toHaveLength(1);
    expect(setup.standin.serviceDeployments('web')).toHaveLength(before + 1);
    expect(run.log).not.toMatch(/SUPERSEDED/);
  });

  test('RegisterTaskDefinition applied late: one new revision, no duplicate left ACTIVE', { timeout: 120_000 }, async (context) => {
    const setup = await rig(context);
    setup.proxy.inject({ operation: 'RegisterTaskDefinition', fault: 'late-apply', delayMs: 3_000 });

    const run = await deploy(setup);

    expect(run.code, run.log).toBe(0);
    expect(outputsOf(run)).toMatchObject({ 'deployment-status': 'COMPLETED', 'task-definition-arn': arnOf(setup.standin, 'web:2') });
    expect(applied(setup.standin, 'RegisterTaskDefinition')).toHaveLength(1);
  });
});

describe.concurrent('a CreateDeployment CodeDeploy applies late is read back by the run token (D2, D15)', () => {
  test('applied after the client gave up: one deployment, followed to its end', { timeout: 120_000 }, async (context) => {
    const setup = await rig(context, (standin) => seedCodeDeploy(standin, 200));
    setup.proxy.inject({ operation: `${CODEDEPLOY}CreateDeployment`, fault: 'late-apply', delayMs: 3_000 });

    const run = await deploy(setup, [], { cwd: appSpecDir(context) });

    expect(run.code, run.log).toBe(0);
    const deployments = setup.standin.codeDeploy.deployments();
    expect(deployments).toHaveLength(1);
    expect(outputsOf(run)).toMatchObject({ 'deployment-status': 'COMPLETED', 'codedeploy-deployment-id': deployments[0]?.['deploymentId'] });
  });
});

describe.concurrent('every call has a deadline for headers and body together (D3)', () => {
  test('a DescribeServices answer trickling in a byte a second during the watch is cut off and read again: COMPLETED', { timeout: 120_000 }, async (context) => {
    const setup = await rig(context);
    setup.proxy.inject({ operation: 'DescribeServices', fault: 'trickle', intervalMs: 1_000, after: 'UpdateService' });

    const run = await deploy(setup, ['--wait-timeout', '40s']);

    expect(run.code, run.log).toBe(0);
    expect(outputsOf(run)['deployment-status']).toBe('COMPLETED');
    expect(setup.proxy.calls.filter((call) => call.action === 'trickle')).toHaveLength(1);
  });
});

describe.concurrent('throttled and 5xx answers are retried within the deadline (D14, D4)', () => {
  test('UpdateService throttled three times in a row: sent again, one update applied, COMPLETED', async (context) => {
    const setup = await rig(context);
    setup.proxy.inject({ operation: 'UpdateService', fault: 'status', status: 400, errorType: 'ThrottlingException', when: { next: 3 } });

    const run = await deploy(setup);

    expect(run.code, run.log).toBe(0);
    expect(outputsOf(run)['deployment-status']).toBe('COMPLETED');
    expect(setup.proxy.calls.filter((call) => call.operation === 'UpdateService').map((call) => call.action)).toEqual(['status', 'status', 'status', 'passed']);
    expect(applied(setup.standin, 'UpdateService')).toHaveLength(1);
  });

  test('StopTask answered 503 when the one-off task times out: sent again, and the task is stopped', async (context) => {
    const setup = await rig(context, withTask({ provisioningMs: 100, pendingMs: 100, runMs: Infinity }));
    setup.proxy.inject({ operation: 'StopTask', fault: 'status', status: 503 });

    const run = await deploy(setup, ['--run-task-command', 'npm run migrate', '--run-task-timeout', '3s']);

    expect(run.code, run.log).toBe(1);
    expect(outputsOf(run)['deployment-status']).toBe('FAILED');
    expect(setup.proxy.calls.filter((call) => call.operation === 'StopTask').map((call) => call.action)).toEqual(['status', 'passed']);
    expect(setup.standin.oneOffTasks()[0]).toMatchObject({ desiredStatus: 'STOPPED' });
    expect(run.log).toMatch(/it was stopped/);
    expect(run.log).not.toMatch(/may still run/);
  });
});

describe.concurrent('a refusal is reported with AWS\'s message (D16)', () => {
  test('RunTask refused with ClientException: FAILED with its message, sent once, the service untouched', async (context) => {
    const setup = await rig(context, withTask({}));
    setup.proxy.inject({ operation: 'RunTask', fault: 'status', status: 400, errorType: 'ClientException' });

    const run = await deploy(setup, ['--run-task-command', 'npm run migrate']);

    expect(run.code, run.log).toBe(1);
    expect(outputsOf(run)['deployment-status']).toBe('FAILED');
    expect(run.log).toMatch(/RunTask: ClientException: injected by the fault proxy: HTTP 400/);
    expect(run.log).not.toMatch(/UNKNOWN|a task may have started/);
    expect(setup.proxy.calls.filter((call) => call.operation === 'RunTask')).toHaveLength(1);
    expect(applied(setup.standin, 'UpdateService')).toHaveLength(0);
  });
});

describe.concurrent('a cancel with a change in flight (D5, D6, D7, D11)', () => {
  test('D6: RunTask applied only after the cancel gave up on it: the same client token finds the task, which is stopped and named', async (context) => {
    const setup = await rig(context, withTask({ provisioningMs: 100, pendingMs: 100, runMs: Infinity }));
    setup.proxy.inject({ operation: 'RunTask', fault: 'late-apply', delayMs: 0 });

    const run = await deployAndSignal(setup, ['--run-task-command', 'npm run migrate'], (call) => call.operation === 'RunTask');

    expect(run.code, run.log).toBe(143);
    expect(run.msAfterSignal).toBeLessThan(CANCEL_BOUND_MS);
    const outputs = outputsOf(run);
    expect(outputs['deployment-status']).toBe('CANCELLED');
    // Give the late request time to land: it must find the same task, not start another.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const tasks = setup.standin.oneOffTasks();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ taskArn: outputs['run-task-arn'], desiredStatus: 'STOPPED' });
    expect(run.log).toMatch(/it was stopped/);
    expect(applied(setup.standin, 'UpdateService')).toHaveLength(0);
  });

  test('D7: UpdateService applied but unanswered, no rollback-on-cancel: the read-back says the update was applied, in the log and the outputs', async (context) => {
    const setup = await rig(context);
    setup.proxy.inject({ operation: 'UpdateService', fault: 'hang-after' });

    const run = await deployAndSignal(setup, [], (call) => call.operation === 'UpdateService');

    expect(run.code, run.log).toBe(143);
    expect(run.msAfterSignal).toBeLessThan(CANCEL_BOUND_MS);
    const outputs = outputsOf(run);
    expect(outputs['deployment-status']).toBe('CANCELLED');
    expect(outputs['deployment-id']).not.toBe('');
    expect(run.log).toMatch(/the update was applied: web rolls out web:2 \(deployment [^)]+\), not watched by this run/);
  });

  test('UpdateService applied but unanswered, with rollback-on-cancel: the read-back finds it and the service goes back to web:1', async (context) => {
    const setup = await rig(context);
    setup.proxy.inject({ operation: 'UpdateService', fault: 'hang-after' });

    const run = await deployAndSignal(setup, ['--rollback-on-cancel', 'true'], (call) => call.operation === 'UpdateService');

    expect(run.code, run.log).toBe(143);
    expect(run.msAfterSignal).toBeLessThan(CANCEL_BOUND_MS);
    expect(outputsOf(run)['deployment-status']).toBe('CANCELLED');
    expect(applied(setup.standin, 'UpdateService').map((input) => input['taskDefinition'])).toEqual([arnOf(setup.standin, 'web:2'), arnOf(setup.standin, 'web:1')]);
    expect(run.log).toMatch(/the rollback to web:1 started/);
    expect(run.log).not.toMatch(/the run did not stop by itself/);
  });

  test('D11: StopTask hangs on a cancel: the run ends soon, and nothing is printed after its last line', async (context) => {
    const setup = await rig(context, withTask({ provisioningMs: 100, pendingMs: 100, runMs: Infinity }));
    setup.proxy.inject({ operation: 'StopTask', fault: 'hang', when: 'always' });

    const run = await deployAndSignal(setup, ['--run-task-command', 'npm run migrate'], (call) => call.operation === 'DescribeTasks');

    expect(run.code, run.log).toBe(143);
    // No change of the run's own is in flight: the StopTask the cancel makes is not waited for past its cap.
    expect(run.msAfterSignal, run.log).toBeLessThan(STOP_ON_CANCEL_BOUND_MS);
    // The error line ends the log: a StopTask answered late prints nothing after it.
    expect(run.stderr.trimEnd().split(/\r?\n/).at(-1), run.log).toMatch(/^error: cancelled by SIGTERM/);
    expect(outputsOf(run)['deployment-status']).toBe('CANCELLED');
  });
});

function seedCodeDeploy(standin: EcsStandin, eventMs = 10_000): void {
  seedCodeDeployWeb(standin, { group: { autoRollback: false } });
  // By default slow enough that a deployment started by a cancelled call is still running when the run stops it.
  standin.codeDeploy.script({ eventMs, trafficSteps: [100], terminationWaitMs: 0 });
}

function appSpecDir(context: TestContext): string {
  return testDir(context, 'ecs-deliver-change-', { 'appspec.yaml': appSpec('web') });
}

describe.concurrent('a cancel while CreateDeployment is in flight (D5, D15)', () => {
  test('created but unanswered: the read-back finds it by the run token and stops it; the description keeps the user\'s text', async (context) => {
    const setup = await rig(context, seedCodeDeploy);
    setup.proxy.inject({ operation: `${CODEDEPLOY}CreateDeployment`, fault: 'hang-after' });

    const run = await deployAndSignal(setup, ['--codedeploy-deployment-description', 'release 7'], (call) => call.operation === `${CODEDEPLOY}CreateDeployment`, {
      cwd: appSpecDir(context),
    });

    expect(run.code, run.log).toBe(143);
    expect(run.msAfterSignal).toBeLessThan(CANCEL_BOUND_MS);
    const [deployment] = setup.standin.codeDeploy.deployments();
    expect(deployment?.['description']).toMatch(/^release 7\necs-deliver run [0-9a-f-]{36}$/);
    expect(outputsOf(run)['codedeploy-deployment-id']).toBe(deployment?.['deploymentId']);
    expect(applied(setup.standin, `${CODEDEPLOY}StopDeployment`), run.log).toEqual([{ deploymentId: deployment?.['deploymentId'], autoRollbackEnabled: true }]);
    expect(run.log).toMatch(/CreateDeployment had started d-[A-Z0-9]+ in AppECS-default-web\/DgpECS-default-web: stopped it with rollback/);
  });

  test('applied only after the read-back: what could not be settled is named in the log and the ending', async (context) => {
    const setup = await rig(context, seedCodeDeploy);
    setup.proxy.inject({ operation: `${CODEDEPLOY}CreateDeployment`, fault: 'late-apply', delayMs: 4_000 });

    const run = await deployAndSignal(setup, [], (call) => call.operation === `${CODEDEPLOY}CreateDeployment`, { cwd: appSpecDir(context) });

    expect(run.code, run.log).toBe(143);
    expect(run.msAfterSignal).toBeLessThan(CANCEL_BOUND_MS);
    expect(run.log).toMatch(/CreateDeployment may still start a deployment in AppECS-default-web\/DgpECS-default-web: check it/);
    expect(run.stderr.trimEnd().split(/\r?\n/).at(-1), run.log).toMatch(/^error: cancelled by SIGTERM; CreateDeployment may still start a deployment in AppECS-default-web/);
  });
});
