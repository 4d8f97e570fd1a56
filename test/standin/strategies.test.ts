// Blue/green, linear and canary deployments in the stand-in, driven by the real ECS client on a manual clock.
import {
  ContinueServiceDeploymentCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  ECSClient,
  type ServiceDeployment,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, test } from 'vitest';
import { type EcsStandin, type Scenario, startEcsStandin } from './index.js';

const START = Date.parse('2026-03-02T10:00:00Z');
const TIMING = { stageMs: 100, hookMs: 50, rollbackMs: 200, rolloutMs: 400 };
const CHECK = 'arn:aws:lambda:us-east-1:123456789012:function:check';

let standin: EcsStandin | undefined;
afterEach(async () => {
  await standin?.close();
  standin = undefined;
});

async function start(deploymentConfiguration: Record<string, unknown>, scenario?: Scenario) {
  let now = START;
  const s = await startEcsStandin({ timing: TIMING, clock: () => now });
  standin = s;
  s.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24' }] });
  s.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.25' }] });
  s.seedService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2, deploymentConfiguration: deploymentConfiguration as never });
  if (scenario) s.setScenario('web', scenario);
  const ecs = new ECSClient({ endpoint: s.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' }, maxAttempts: 1 });
  const updated = await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: 'web:2' }));
  const arn = updated.service?.currentServiceDeployment ?? '';
  const describe = async (): Promise<ServiceDeployment> => {
    const out = await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }));
    return out.serviceDeployments?.[0] ?? {};
  };
  /** Moves the clock in small steps and answers every stage seen (with the traffic share), until `until` holds. */
  const walk = async (until: (sd: ServiceDeployment) => boolean, maxMs = 60_000): Promise<{ seen: string[]; last: ServiceDeployment }> => {
    const seen: string[] = [];
    for (let spent = 0; spent <= maxMs; spent += 25) {
      const sd = await describe();
      const label = `${sd.lifecycleStage ?? '-'} ${sd.targetServiceRevision?.requestedProductionTrafficWeight ?? 0}`;
      if (seen.at(-1) !== label) seen.push(label);
      if (until(sd)) return { seen, last: sd };
      now += 25;
    }
    throw new Error(`not reached; seen ${seen.join(', ')}`);
  };
  return { ecs, s, arn, describe, walk, advance: (ms: number) => (now += ms) };
}

const finished = (sd: ServiceDeployment): boolean => ['SUCCESSFUL', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED', 'STOPPED'].includes(sd.status ?? '');

describe('ECS-native strategies', () => {
  test('blue/green goes through every stage, keeps blue until clean-up, and ends SUCCESSFUL on the new revision', async () => {
    const { ecs, walk } = await start({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0.01 });
    const duringScaleUp = await walk((sd) => sd.lifecycleStage === 'POST_SCALE_UP');
    expect(duringScaleUp.seen[0]).toMatch(/^(-|PRE_SCALE_UP) 0$/);
    const { services } = await ecs.send(new DescribeServicesCommand({ services: ['web'] }));
    expect(services?.[0]?.deployments?.map((d) => [d.status, d.runningCount])).toEqual([
      ['PRIMARY', 2],
      ['ACTIVE', 2],
    ]);
    expect(services?.[0]?.deploymentConfiguration?.strategy).toBe('BLUE_GREEN');
    const { seen, last } = await walk(finished);
    expect(last.status).toBe('SUCCESSFUL');
    expect(seen).toEqual(
      expect.arrayContaining(['TEST_TRAFFIC_SHIFT 0', 'PRODUCTION_TRAFFIC_SHIFT 100', 'BAKE_TIME 100', 'CLEAN_UP 100']),
    );
    const after = await ecs.send(new DescribeServicesCommand({ services: ['web'] }));
    expect(after.services?.[0]?.deployments).toHaveLength(1);
    expect(after.services?.[0]?.taskDefinition).toMatch(/web:2$/);
  });

  test('linear shifts production traffic in steps of stepPercent', async () => {
    const { walk } = await start({ strategy: 'LINEAR', linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 0.005 } });
    const { seen, last } = await walk(finished);
    expect(last.status).toBe('SUCCESSFUL');
    const shares = seen.filter((label) => label.startsWith('PRODUCTION_TRAFFIC_SHIFT')).map((label) => label.split(' ')[1]);
    expect(shares).toEqual(['25', '50', '75', '100']);
  });

  test('a canary whose post-traffic hook fails rolls back, naming the hook, and blue serves again', async () => {
    const { ecs, walk } = await start(
      {
        strategy: 'CANARY',
        canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 0.005 },
        lifecycleHooks: [{ hookTargetArn: CHECK, roleArn: 'arn:aws:iam::123456789012:role/hooks', lifecycleStages: ['POST_PRODUCTION_TRAFFIC_SHIFT'] }],
      },
      { name: 'healthy', hooks: { [CHECK]: 'fail' } },
    );
    const rolling = await walk((sd) => sd.status === 'ROLLBACK_IN_PROGRESS');
    expect(rolling.seen).toContain('PRODUCTION_TRAFFIC_SHIFT 10');
    expect(rolling.last.statusReason).toContain(CHECK);
    expect(rolling.last.lifecycleHookDetails?.[0]).toMatchObject({ targetArn: CHECK, status: 'FAILED' });
    const { last } = await walk(finished);
    expect(last.status).toBe('ROLLBACK_SUCCESSFUL');
    const { services } = await ecs.send(new DescribeServicesCommand({ services: ['web'] }));
    expect(services?.[0]?.taskDefinition).toMatch(/web:1$/);
    expect(services?.[0]?.deployments?.map((d) => d.status)).toEqual(['PRIMARY']);
  });

  test('a pause hook awaits ContinueServiceDeployment, then the deployment goes on', async () => {
    const { ecs, arn, walk, advance, describe } = await start({
      strategy: 'BLUE_GREEN',
      lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }],
    });
    const paused = await walk((sd) => sd.lifecycleHookDetails?.[0]?.status === 'AWAITING_ACTION');
    expect(paused.last.lifecycleStage).toBe('POST_TEST_TRAFFIC_SHIFT');
    advance(5_000);
    expect((await describe()).lifecycleStage).toBe('POST_TEST_TRAFFIC_SHIFT');
    const hookId = paused.last.lifecycleHookDetails?.[0]?.hookId ?? '';
    await ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId, action: 'CONTINUE' }));
    expect((await walk(finished)).last.status).toBe('SUCCESSFUL');
  });

  test('a lambda hook that times out rolls back by default', async () => {
    const { walk } = await start(
      { strategy: 'BLUE_GREEN', lifecycleHooks: [{ hookTargetArn: CHECK, lifecycleStages: ['PRE_SCALE_UP'], timeoutConfiguration: { timeoutInMinutes: 0.01 } }] },
      { name: 'healthy', hooks: { [CHECK]: 'time-out' } },
    );
    const { last } = await walk(finished);
    expect(last.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(last.statusReason).toContain('timed out');
  });

  test('StopServiceDeployment with ROLLBACK passes through ROLLBACK_REQUESTED to ROLLBACK_SUCCESSFUL', async () => {
    const { ecs, arn, walk } = await start({ strategy: 'LINEAR', linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 1 } });
    await walk((sd) => sd.targetServiceRevision?.requestedProductionTrafficWeight === 50);
    await ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' }));
    const { seen, last } = await walk(finished);
    expect(last.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(seen.at(-1)).toMatch(/ 0$/);
  });

  test('UpdateService can switch a rolling service to BLUE_GREEN; the deployment it starts walks the stages', async () => {
    let now = START;
    const s = await startEcsStandin({ timing: TIMING, clock: () => now });
    standin = s;
    s.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24' }] });
    s.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.25' }] });
    s.seedService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 1 });
    const ecs = new ECSClient({ endpoint: s.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' }, maxAttempts: 1 });
    const updated = await ecs.send(
      new UpdateServiceCommand({ service: 'web', taskDefinition: 'web:2', deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0 } }),
    );
    expect(updated.service?.deploymentConfiguration?.strategy).toBe('BLUE_GREEN');
    now += 1_000;
    const out = await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [updated.service?.currentServiceDeployment ?? ''] }));
    expect(out.serviceDeployments?.[0]?.lifecycleStage).toBeDefined();
  });

  test('a newer UpdateService stops the old service deployment', async () => {
    const { ecs, describe, advance } = await start({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 });
    advance(500);
    await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: 'web:1', forceNewDeployment: true }));
    expect(await describe()).toMatchObject({ status: 'STOPPED', statusReason: expect.stringContaining('newer') });
  });
});
