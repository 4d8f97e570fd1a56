// The built bundle deploying a CODE_DEPLOY service on the stand-in with no AppSpec file of its own: the AppSpec it
// makes carries the service's capacity provider strategy, platform version and network configuration, so the
// replacement task set launches as the service's tasks do.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, describe, expect, test } from 'vitest';
import { type EcsStandin, type ServiceSeed, startEcsStandin } from '../standin/index.js';
import { type BundleRun, runBundle } from '../support/run-bundle.js';

const KILL_AFTER_MS = 30_000;
const LOAD_BALANCER = {
  targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/tg-blue/0123456789abcdef',
  containerName: 'web',
  containerPort: 80,
};
const AWSVPC = { subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'], assignPublicIp: 'DISABLED' };

async function standinWith(context: TestContext, service: Partial<ServiceSeed>): Promise<{ standin: EcsStandin; dir: string }> {
  const standin = await startEcsStandin();
  context.onTestFinished(() => standin.close());
  standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256 }] });
  standin.seedService({
    serviceName: 'web',
    taskDefinition: 'web:1',
    desiredCount: 2,
    deploymentController: 'CODE_DEPLOY',
    loadBalancers: [LOAD_BALANCER],
    ...service,
  });
  standin.codeDeploy.seedDeploymentGroup({ application: 'AppECS-default-web', deploymentGroup: 'DgpECS-default-web', service: 'web' });
  // No appspec.yaml here: the run makes one.
  const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-codedeploy-settings-'));
  context.onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return { standin, dir };
}

function deploy(standin: EcsStandin, dir: string, args: string[] = []): Promise<BundleRun> {
  return runBundle({
    args: [
      ...['--service', 'web', '--family', 'web', '--image', 'nginx:1.25', '--verify-image', 'false'],
      ...['--json', '--poll-interval', '1s', '--wait-timeout', '20s', ...args],
    ],
    env: {
      AWS_ENDPOINT_URL_ECS: standin.url,
      AWS_ENDPOINT_URL_CODEDEPLOY: standin.url,
      AWS_REGION: standin.region,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
    },
    cwd: dir,
    timeoutMs: KILL_AFTER_MS,
  });
}

const outputsOf = (run: BundleRun): Record<string, string> => JSON.parse(run.stdout) as Record<string, string>;

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
