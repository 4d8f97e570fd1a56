// The built bundle and a blue/green deployment held at a PAUSE hook on the stand-in: at pause-timeout, or on a cancel
// with rollback-on-cancel, it rolls back through ContinueServiceDeployment (the hook, action ROLLBACK); when the hook
// no longer awaits action by the time that call arrives, through StopServiceDeployment (stopType ROLLBACK).
import { type TestContext, describe, expect, test } from 'vitest';
import type { EcsStandin } from '../standin/index.js';
import { signalWhenPrinted } from '../support/run-bundle.js';
import { callsOf, deployWeb, outputsOf, seedWeb, standinForTest } from '../support/standin-e2e.js';

/** A blue/green service whose deployments pause after scaling up; the pause expires after `hookMinutes`. */
async function standinWith(context: TestContext, hookMinutes = 60, timeoutAction = 'ROLLBACK', stageMs = 300): Promise<EcsStandin> {
  const standin = await standinForTest(context, { timing: { stageMs, hookMs: 300, rolloutMs: 600, rollbackMs: 600 } });
  seedWeb(standin, {
    deploymentConfiguration: {
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 0,
      lifecycleHooks: [
        { targetType: 'PAUSE', lifecycleStages: ['POST_SCALE_UP'], timeoutConfiguration: { timeoutInMinutes: hookMinutes, action: timeoutAction } },
      ],
    },
  });
  return standin;
}

const hookIdOf = (standin: EcsStandin): string => {
  const hooks = standin.serviceDeployments('web')[0]?.['lifecycleHookDetails'] as { hookId: string }[] | undefined;
  return hooks?.[0]?.hookId ?? '';
};

describe.concurrent('a deployment paused at a PAUSE hook', () => {
  test('at pause-timeout: ContinueServiceDeployment with the hook and action ROLLBACK, no StopServiceDeployment; ROLLED_BACK', async (context) => {
    const standin = await standinWith(context);

    const run = await deployWeb(standin, ['--pause-timeout', '3s']);

    expect(run.code, run.log).toBe(1);
    expect(outputsOf(run)['deployment-status']).toBe('ROLLED_BACK');
    const sd = standin.serviceDeployments('web')[0] ?? {};
    expect(sd['status']).toBe('ROLLBACK_SUCCESSFUL');
    expect(callsOf(standin, 'ContinueServiceDeployment').map((call) => call.input)).toEqual([
      { serviceDeploymentArn: sd['serviceDeploymentArn'], hookId: hookIdOf(standin), action: 'ROLLBACK' },
    ]);
    expect(callsOf(standin, 'StopServiceDeployment')).toHaveLength(0);
    expect(run.log).toContain(`ContinueServiceDeployment ${String(sd['serviceDeploymentArn'])} at the PAUSE hook ${hookIdOf(standin)} (action ROLLBACK)`);
  });

  test('cancelled with rollback-on-cancel while paused: ContinueServiceDeployment with action ROLLBACK; exit 143', async (context) => {
    const standin = await standinWith(context);
    const signal = signalWhenPrinted('awaits action');

    const run = await deployWeb(standin, ['--rollback-on-cancel', 'true'], signal);

    expect(signal.sent(), run.log).toBe(true);
    expect(run.code, run.log).toBe(143);
    expect(outputsOf(run)['deployment-status']).toBe('CANCELLED');
    expect(callsOf(standin, 'ContinueServiceDeployment').map((call) => call.input?.['action'])).toEqual(['ROLLBACK']);
    expect(callsOf(standin, 'StopServiceDeployment')).toHaveLength(0);
    expect(String(standin.serviceDeployments('web')[0]?.['status'])).toMatch(/^ROLLBACK_/);
  });

  test('the hook stops awaiting action before the call arrives: refused, then StopServiceDeployment(ROLLBACK); ROLLED_BACK', async (context) => {
    // The pause expires (and the deployment goes on, 2 s a stage) 6 s in; the rollback asked for 3 s in arrives
    // 5 s later, while the later stages still run.
    const standin = await standinWith(context, 0.1, 'CONTINUE', 2000);
    standin.setFaults({ latencyMs: 5000, operations: ['ContinueServiceDeployment'] });

    const run = await deployWeb(standin, ['--pause-timeout', '3s']);

    expect(callsOf(standin, 'ContinueServiceDeployment'), run.log).toHaveLength(1);
    expect(callsOf(standin, 'ContinueServiceDeployment')[0]?.status).not.toBe(200);
    expect(callsOf(standin, 'StopServiceDeployment').map((call) => call.input?.['stopType'])).toEqual(['ROLLBACK']);
    expect(run.log).toContain('ContinueServiceDeployment was refused');
    expect(outputsOf(run)['deployment-status']).toBe('ROLLED_BACK');
  });
});
