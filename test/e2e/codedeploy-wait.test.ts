// The built bundle planning a CodeDeploy deployment on the stand-in: the wait counts the deployment config's traffic
// routing (GetDeploymentConfig trafficRoutingConfig, the group's config when none is named) beside the group's
// ready and termination waits. Without wait-timeout the run waits that long (at least 30 minutes) and says so; a
// shorter wait-timeout gets a warning naming the parts.
import { type TestContext, describe, expect, test } from 'vitest';
import type { EcsStandin } from '../standin/index.js';
import { type BundleRun, runBundle } from '../support/run-bundle.js';
import { DEPLOY_WEB, seedCodeDeployWeb, standinEnv, standinForTest, testDir } from '../support/standin-e2e.js';

const LINEAR = 'CodeDeployDefault.ECSLinear10PercentEvery3Minutes';

async function standinWith(context: TestContext, deploymentConfigName: string): Promise<{ standin: EcsStandin; dir: string }> {
  const standin = await standinForTest(context);
  seedCodeDeployWeb(standin, {
    service: { loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/tg-blue/0123', containerName: 'web', containerPort: 80 }] },
    group: { deploymentConfigName, terminationWaitMinutes: 5 },
  });
  return { standin, dir: testDir(context, 'ecs-deliver-codedeploy-wait-') };
}

function dryRun(standin: EcsStandin, dir: string, args: string[] = []): Promise<BundleRun> {
  return runBundle({ args: [...DEPLOY_WEB, '--dry-run', 'true', ...args], env: standinEnv(standin, { codeDeploy: true }), cwd: dir, timeoutMs: 30_000 });
}

describe.concurrent('the wait of a CodeDeploy deployment', () => {
  test("the group's linear config, no wait-timeout: 27 min of routing counted, the run waits 42m and the plan says so", async (context) => {
    const { standin, dir } = await standinWith(context, LINEAR);

    const run = await dryRun(standin, dir);

    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain(
      `CodeDeploy wait: 42m (wait-timeout not set; at least 30 min, and ready wait 0 min + traffic routing 27 min (${LINEAR}) + termination wait 5 min + 10 min).`,
    );
    expect(run.log).toContain('and wait for it (up to 42m).');
    expect(standin.requests.filter((call) => call.operation.endsWith('GetDeploymentConfig')).map((call) => call.input?.['deploymentConfigName'])).toEqual([LINEAR]);
  });

  test('no wait-timeout, a real deploy: the watch itself runs with that 42m wait', async (context) => {
    const { standin, dir } = await standinWith(context, LINEAR);

    const run = await dryRun(standin, dir, ['--dry-run', 'false', '--json', '--poll-interval', '1s']);

    expect(run.code, run.log).toBe(0);
    expect(run.log).toMatch(/^Following CodeDeploy deployment d-\w+ \(web:2\) in AppECS-default-web\/DgpECS-default-web; timeout 42m$/m);
  });

  test('a wait-timeout shorter than that: a warning naming the parts, and the wait stays as set', async (context) => {
    const { standin, dir } = await standinWith(context, LINEAR);

    const run = await dryRun(standin, dir, ['--wait-timeout', '20m']);

    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain(
      `wait-timeout 20m is shorter than this CodeDeploy deployment may take: ready wait 0 min + traffic routing 27 min (${LINEAR}) + termination wait 5 min + 10 min = 42 min`,
    );
    expect(run.log).toContain('and wait for it (up to 20m).');
  });

  test('all at once: the least wait, 30m', async (context) => {
    const { standin, dir } = await standinWith(context, 'CodeDeployDefault.ECSAllAtOnce');

    const run = await dryRun(standin, dir);

    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain('and wait for it (up to 30m).');
    expect(run.log).not.toContain('is shorter than this CodeDeploy deployment may take');
  });
});
