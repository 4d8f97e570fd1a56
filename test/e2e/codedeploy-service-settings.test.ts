// The built bundle deploying a CODE_DEPLOY service on the stand-in with no AppSpec file of its own: the AppSpec it
// makes carries the service's capacity provider strategy, platform version and network configuration, so the
// replacement task set launches as the service's tasks do.
import { type TestContext, describe, expect, test } from 'vitest';
import type { EcsStandin, ServiceSeed } from '../standin/index.js';
import type { BundleRun } from '../support/run-bundle.js';
import { deployWeb, outputsOf, seedCodeDeployWeb, standinForTest, testDir } from '../support/standin-e2e.js';

const LOAD_BALANCER = {
  targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/tg-blue/0123456789abcdef',
  containerName: 'web',
  containerPort: 80,
};
const AWSVPC = { subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'], assignPublicIp: 'DISABLED' };

async function standinWith(context: TestContext, service: Partial<ServiceSeed>): Promise<{ standin: EcsStandin; dir: string }> {
  const standin = await standinForTest(context);
  seedCodeDeployWeb(standin, { service: { loadBalancers: [LOAD_BALANCER], ...service } });
  // No appspec.yaml here: the run makes one.
  return { standin, dir: testDir(context, 'ecs-deliver-codedeploy-settings-') };
}

function deploy(standin: EcsStandin, dir: string): Promise<BundleRun> {
  return deployWeb(standin, [], { codeDeploy: true, cwd: dir, waitTimeout: '20s', timeoutMs: 30_000 });
}

describe.concurrent('the AppSpec made for a CodeDeploy service', () => {
  test('a FARGATE_SPOT service with awsvpc networking: the replacement task set launches on FARGATE_SPOT, same platform and network', async (context) => {
    const { standin, dir } = await standinWith(context, {
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1, base: 1 }],
      platformVersion: '1.4.0',
      networkConfiguration: { awsvpcConfiguration: AWSVPC },
    });

    const run = await deploy(standin, dir);

    expect(run.code, run.log).toBe(0);
    expect(outputsOf(run)['deployment-status']).toBe('COMPLETED');
    expect(standin.codeDeploy.replacementTaskSet()).toEqual({
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', base: 1, weight: 1 }],
      platformVersion: '1.4.0',
      networkConfiguration: { awsvpcConfiguration: AWSVPC },
    });
    expect(run.log).toContain('capacity provider strategy, platform version, network configuration from the service');
  });

  test('a FARGATE service without capacity providers: its launch type stays, its platform version and network carried', async (context) => {
    const { standin, dir } = await standinWith(context, { platformVersion: '1.3.0', networkConfiguration: { awsvpcConfiguration: AWSVPC } });

    const run = await deploy(standin, dir);

    expect(run.code, run.log).toBe(0);
    expect(standin.codeDeploy.replacementTaskSet()).toEqual({
      launchType: 'FARGATE',
      platformVersion: '1.3.0',
      networkConfiguration: { awsvpcConfiguration: AWSVPC },
    });
  });
});
