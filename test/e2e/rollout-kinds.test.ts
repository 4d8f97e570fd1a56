// The built bundle against an ECS stand-in that offers a deployment strategy this release does not know, as ECS
// would once it adds one: the preflight refuses the service before anything changes, and says what to do.
import { type TestContext, describe, expect, test } from 'vitest';
import { type EcsStandin, startEcsStandin } from '../standin/index.js';
import { type BundleRun, runBundle } from '../support/run-bundle.js';

async function standinWithStrategy(context: TestContext, configuration: Record<string, unknown>): Promise<EcsStandin> {
  const standin = await startEcsStandin({ laterStrategies: ['SHADOW'], timing: { stageMs: 200, hookMs: 200, rollbackMs: 300, rolloutMs: 300 } });
  context.onTestFinished(() => standin.close());
  standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256 }] });
  standin.seedService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2, deploymentConfiguration: configuration as never });
  return standin;
}

function deploy(standin: EcsStandin, args: string[] = []): Promise<BundleRun> {
  return runBundle({
    args: ['--service', 'web', '--family', 'web', '--image', 'nginx:1.25', '--verify-image', 'false', '--poll-interval', '1s', '--wait-timeout', '30s', ...args],
    env: { AWS_ENDPOINT_URL_ECS: standin.url, AWS_REGION: standin.region, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' },
    timeoutMs: 60_000,
  });
}

describe.concurrent('deployment strategies and controllers', () => {
  test('a deployment strategy no rollout kind knows is refused in the preflight with exit 2, and nothing changes', async (context) => {
    const standin = await standinWithStrategy(context, { strategy: 'SHADOW' });

    const run = await deploy(standin, ['--rollback-on-cancel', 'true']);

    expect(run.code, run.log).toBe(2);
    expect(run.log).toContain('service: "web" uses the SHADOW deployment strategy, which ecs-deliver cannot watch or roll back');
    expect(run.log).toContain('aws ecs update-service --deployment-configuration strategy=ROLLING');
    expect(standin.calls['RegisterTaskDefinition'] ?? 0).toBe(0);
    expect(standin.calls['UpdateService'] ?? 0).toBe(0);
    expect(standin.service('web')['taskDefinition']).toContain('web:1');
  });

  test('a dry run of such a service is refused the same way', async (context) => {
    const standin = await standinWithStrategy(context, { strategy: 'SHADOW' });

    const run = await deploy(standin, ['--dry-run']);

    expect(run.code, run.log).toBe(2);
    expect(run.log).toContain('uses the SHADOW deployment strategy');
  });

  test('the kinds it knows still deploy on the same stand-in: a canary service completes', async (context) => {
    const standin = await standinWithStrategy(context, { strategy: 'CANARY', bakeTimeInMinutes: 0.01, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 0.01 } });

    const run = await deploy(standin);

    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain('Watching CANARY deployment of web');
  });
});
