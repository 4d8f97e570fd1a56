// ContinueDeployment as a change: a lost answer is read back (the deployment left Ready: the reroute began) and not
// sent again; a refusal is final; a continue that went through is followed by reads until Ready is gone.
import { describe, expect, test } from 'vitest';
import { continueReady } from '../../src/codedeploy/continue-deployment.js';
import { FakeCodeDeploy } from './codedeploy-fakes.js';
import { FakeClock, RecordingReporter, awsError } from './watch-fakes.js';

const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', name: 'TimeoutError' });

function ready() {
  const clock = new FakeClock();
  const codeDeploy = new FakeCodeDeploy(clock);
  codeDeploy.put('d-1', { status: 'Ready' });
  return { clock, codeDeploy, reporter: new RecordingReporter() };
}

describe('continueReady', () => {
  test('sends ContinueDeployment READY_WAIT once', async () => {
    const { clock, codeDeploy, reporter } = ready();
    await continueReady(codeDeploy, 'd-1', { clock, reporter });
    expect(codeDeploy.calls.filter((call) => call.op === 'continueDeployment').map((call) => call.input)).toEqual([{ deploymentId: 'd-1', waitType: 'READY_WAIT' }]);
  });

  test('a lost answer whose continue went through: read back (no longer Ready), not sent twice', async () => {
    const { clock, codeDeploy, reporter } = ready();
    const send = codeDeploy.continueDeployment.bind(codeDeploy);
    codeDeploy.continueDeployment = async (id, waitType) => {
      await send(id, waitType);
      throw reset();
    };

    await continueReady(codeDeploy, 'd-1', { clock, reporter });

    expect(codeDeploy.count('continueDeployment')).toBe(1);
    expect(codeDeploy.deployments.get('d-1')?.info.status).toBe('InProgress');
  });

  test('a refusal is final: DeploymentIsNotInReadyStateException in CodeDeploy\'s words, sent once', async () => {
    const { clock, codeDeploy, reporter } = ready();
    codeDeploy.failWhen = (op) => (op === 'continueDeployment' ? awsError('DeploymentIsNotInReadyStateException', 400, 'The deployment is not in a ready state.') : undefined);

    await expect(continueReady(codeDeploy, 'd-1', { clock, reporter })).rejects.toThrow(/not in a ready state/);
    expect(codeDeploy.count('continueDeployment')).toBe(1);
  });

  test('CodeDeploy shows Ready a little after the continue: read until it does not, so the follow does not stop at it', async () => {
    const { clock, codeDeploy, reporter } = ready();
    codeDeploy.continueDeployment = async () => {
      clock.at(clock.elapsed + 1200, () => {
        codeDeploy.deployments.get('d-1')!.info.status = 'InProgress';
      });
    };

    await continueReady(codeDeploy, 'd-1', { clock, reporter });

    expect(codeDeploy.deployments.get('d-1')?.info.status).toBe('InProgress');
    expect(clock.elapsed).toBeGreaterThanOrEqual(1200);
  });
});
