// The built bundle rolling back its own rolling update on the stand-in: while the service deployment is in flight,
// StopServiceDeployment (stopType ROLLBACK) puts the whole previous service revision back; where the role may not
// call it, UpdateService does, with one warning naming the permission.
import { type TestContext, describe, expect, test } from 'vitest';
import { type EcsStandin, type EcsStandinOptions, startEcsStandin } from '../standin/index.js';
import { type BundleRun, runBundle } from '../support/run-bundle.js';

const KILL_AFTER_MS = 60_000;
const PERMISSION_WARNING = 'allow ecs:StopServiceDeployment to roll back the whole previous service revision';

async function standinWith(context: TestContext, options: EcsStandinOptions = {}): Promise<EcsStandin> {
  const standin = await startEcsStandin({ ...options, timing: { rolloutMs: 1500, rollbackMs: 1500 } });
  context.onTestFinished(() => standin.close());
  standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256 }] });
  standin.seedService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2 });
  standin.setScenario('web', 'never-stabilises');
  return standin;
}

function deploy(standin: EcsStandin): Promise<BundleRun> {
  return runBundle({
    args: [
      ...['--service', 'web', '--family', 'web', '--image', 'nginx:1.25', '--verify-image', 'false'],
      ...['--json', '--poll-interval', '1s', '--wait-timeout', '5s'],
    ],
    env: { AWS_ENDPOINT_URL_ECS: standin.url, AWS_REGION: standin.region, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' },
    timeoutMs: KILL_AFTER_MS,
  });
}

const outputsOf = (run: BundleRun): Record<string, string> => JSON.parse(run.stdout) as Record<string, string>;
const callsOf = (standin: EcsStandin, operation: string) => standin.requests.filter((call) => call.operation === operation);
const primaryTaskDefinition = (standin: EcsStandin): string => {
  const deployments = standin.service('web')['deployments'] as { status: string; taskDefinition: string }[];
  return deployments.find((deployment) => deployment.status === 'PRIMARY')?.taskDefinition ?? '';
};

describe.concurrent('the rollback of a rolling update that did not finish', () => {
  test('StopServiceDeployment (ROLLBACK) while it is in flight; no second UpdateService; ROLLED_BACK once ECS reports ROLLBACK_SUCCESSFUL', async (context) => {
    const standin = await standinWith(context);

    const run = await deploy(standin);

    expect(run.code, run.log).toBe(1);
    expect(outputsOf(run)['deployment-status']).toBe('ROLLED_BACK');
    const sd = standin.serviceDeployments('web')[0] ?? {};
    expect(callsOf(standin, 'StopServiceDeployment').map((call) => call.input)).toEqual([
      { serviceDeploymentArn: sd['serviceDeploymentArn'], stopType: 'ROLLBACK' },
    ]);
    expect(sd['status']).toBe('ROLLBACK_SUCCESSFUL');
    expect(callsOf(standin, 'UpdateService')).toHaveLength(1);
    expect(primaryTaskDefinition(standin)).toMatch(/task-definition\/web:1$/);
    expect(run.log).not.toContain(PERMISSION_WARNING);
  });

  test('a role without ecs:StopServiceDeployment: UpdateService rolls back, with one warning naming the permission', async (context) => {
    const standin = await standinWith(context, { deniedOperations: ['StopServiceDeployment'] });

    const run = await deploy(standin);

    expect(run.code, run.log).toBe(1);
    expect(outputsOf(run)['deployment-status']).toBe('ROLLED_BACK');
    expect(callsOf(standin, 'StopServiceDeployment')).toHaveLength(1);
    expect(callsOf(standin, 'UpdateService')).toHaveLength(2);
    expect(run.log.split('\n').filter((line) => line.includes(PERMISSION_WARNING))).toHaveLength(1);
    expect(primaryTaskDefinition(standin)).toMatch(/task-definition\/web:1$/);
  });
});
