// The built bundle against the ECS stand-in with the inputs teams bring from aws-actions' deploy and render
// actions: UpdateService and RunTask carry the fields given, the rendered revision carries the container settings,
// and the same run again registers nothing.
import { describe, expect, test, type TestContext } from 'vitest';
import { startEcsStandin, type EcsStandin } from '../standin/index.js';
import { awsEnv, createCluster, describeTaskDefinition, ecsClient, registerTaskDefinition, revisionsOf } from '../support/moto-ecs.js';
import { motoMissing, startMoto } from '../support/moto-server.js';
import { runBundle, type BundleRun } from '../support/run-bundle.js';

const ROLE = 'arn:aws:iam::123456789012:role/ecs-infrastructure';
const SERVICE_VOLUME = { roleArn: ROLE, sizeInGiB: 20, volumeType: 'gp3', filesystemType: 'xfs' };
const TASK_VOLUME = { roleArn: ROLE, sizeInGiB: 5, terminationPolicy: { deleteOnTermination: true } };

async function standinWithService(context: TestContext): Promise<EcsStandin> {
  const standin = await startEcsStandin({ timing: { rolloutMs: 1200, taskLifetimeMs: 300 } });
  context.onTestFinished(() => standin.close());
  standin.seedTaskDefinition({
    family: 'web',
    volumes: [{ name: 'data', configuredAtLaunch: true }],
    containerDefinitions: [
      {
        name: 'web',
        image: 'app:1',
        memory: 256,
        mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }],
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web', 'awslogs-region': standin.region } },
      },
    ],
  });
  standin.seedService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2 });
  standin.setTaskScript({ provisioningMs: 100, pendingMs: 100, runMs: 300 });
  return standin;
}

const MIGRATED = [
  '--service', 'web', '--family', 'web', '--image', 'app:2', '--verify-image', 'false', '--poll-interval', '1s', '--wait-timeout', '20s',
  '--enable-ecs-managed-tags', 'true',
  '--propagate-tags', 'SERVICE',
  '--service-managed-ebs-volume-name', 'data',
  '--service-managed-ebs-volume', JSON.stringify(SERVICE_VOLUME),
  '--log-configuration-log-driver', 'awslogs',
  '--log-configuration-options', 'awslogs-stream-prefix=ecs\nmode=non-blocking',
  '--docker-labels', 'team=payments\ncom.example.rule=Host(`a.example.com`)',
  '--env-files', 'arn:aws:s3:::config-bucket/web/common.env,arn:aws:s3:::config-bucket/web/prod.env',
  '--run-task-command', 'npm run migrate',
  '--run-task-managed-ebs-volume-name', 'data',
  '--run-task-managed-ebs-volume', JSON.stringify(TASK_VOLUME),
];

function deploy(standin: EcsStandin, args: readonly string[]): Promise<BundleRun> {
  return runBundle({
    args: [...args, '--json'],
    env: { AWS_ENDPOINT_URL_ECS: standin.url, AWS_REGION: standin.region, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' },
    timeoutMs: 30_000,
  });
}

const inputsOf = (standin: EcsStandin, operation: string) => standin.requests.filter((call) => call.operation === operation).map((call) => call.input);

describe('aws-actions inputs against the ECS stand-in', () => {
  test('UpdateService and RunTask carry the fields given; the same run again registers nothing', async (context) => {
    const standin = await standinWithService(context);

    const first = await deploy(standin, MIGRATED);
    expect(first.code, first.log).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ registered: 'true', 'task-definition-revision': '2', 'deployment-status': 'COMPLETED', 'run-task-exit-code': '0' });

    const [update] = inputsOf(standin, 'UpdateService');
    expect(update).toEqual({
      cluster: 'default',
      service: 'web',
      taskDefinition: expect.stringMatching(/:task-definition\/web:2$/),
      enableECSManagedTags: true,
      propagateTags: 'SERVICE',
      volumeConfigurations: [{ name: 'data', managedEBSVolume: SERVICE_VOLUME }],
    });
    const [runTask] = inputsOf(standin, 'RunTask');
    expect(runTask).toMatchObject({ enableECSManagedTags: true, volumeConfigurations: [{ name: 'data', managedEBSVolume: TASK_VOLUME }] });
    expect(standin.requests.findIndex((call) => call.operation === 'RunTask')).toBeLessThan(standin.requests.findIndex((call) => call.operation === 'UpdateService'));

    const [registered] = inputsOf(standin, 'RegisterTaskDefinition') as { containerDefinitions: Record<string, unknown>[] }[];
    expect(registered?.containerDefinitions[0]).toMatchObject({
      image: 'app:2',
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web', 'awslogs-region': standin.region, 'awslogs-stream-prefix': 'ecs', mode: 'non-blocking' } },
      dockerLabels: { team: 'payments', 'com.example.rule': 'Host(`a.example.com`)' },
      environmentFiles: [
        { value: 'arn:aws:s3:::config-bucket/web/common.env', type: 's3' },
        { value: 'arn:aws:s3:::config-bucket/web/prod.env', type: 's3' },
      ],
    });

    standin.resetCalls();
    const second = await deploy(standin, MIGRATED);
    expect(second.code, second.log).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ registered: 'false', 'task-definition-revision': '2' });
    expect(second.log).toContain('Task definition unchanged: reusing web:2, registering nothing.');
    expect(standin.calls['RegisterTaskDefinition'] ?? 0).toBe(0);
    expect(standin.taskDefinitions('web')).toHaveLength(2);
    // The same fields again: sending them twice changes nothing more than sending them once.
    expect(inputsOf(standin, 'UpdateService')).toEqual([update]);
  });

  test('without these inputs, UpdateService carries none of them', async (context) => {
    const standin = await standinWithService(context);
    const run = await deploy(standin, ['--service', 'web', '--image', 'app:2', '--verify-image', 'false', '--poll-interval', '1s', '--wait-timeout', '20s']);
    expect(run.code, run.log).toBe(0);
    expect(inputsOf(standin, 'UpdateService')).toEqual([{ cluster: 'default', service: 'web', taskDefinition: expect.stringMatching(/web:2$/) }]);
  });

  test('a dry run prints the fields it would send and the container settings it would render', async (context) => {
    const standin = await standinWithService(context);
    const run = await deploy(standin, [...MIGRATED, '--dry-run']);
    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain('  ECS managed tags: on');
    expect(run.log).toContain('  propagate tags from: SERVICE');
    expect(run.log).toContain(`  EBS volume: data: 20 GiB gp3 xfs, role ${ROLE}`);
    expect(run.log).toContain(`  EBS volume: data: 5 GiB, role ${ROLE}`);
    expect(run.log).toContain('"awslogs-stream-prefix": "ecs"');
    expect(run.log).toContain('arn:aws:s3:::config-bucket/web/prod.env');
    expect(standin.calls['RegisterTaskDefinition'] ?? 0).toBe(0);
    expect(standin.calls['UpdateService'] ?? 0).toBe(0);
    expect(standin.calls['RunTask'] ?? 0).toBe(0);
  });
});

describe.skipIf(motoMissing())('the render inputs against moto, which answers a registered revision as ECS does', () => {
  test('the revision they rendered is reused on the next run: ECS defaults and key order make no difference', async (context) => {
    const moto = await startMoto();
    context.onTestFinished(() => moto.stop());
    const ecs = ecsClient(moto.url);
    context.onTestFinished(() => ecs.destroy());
    await createCluster(ecs, 'default');
    await registerTaskDefinition(ecs, { family: 'web', containerDefinitions: [{ name: 'web', image: 'app:1', memory: 256, dockerLabels: { tier: 'web' } }] });
    const args = [
      '--family', 'web', '--image', 'app:2', '--verify-image', 'false',
      '--log-configuration-log-driver', 'awslogs',
      '--log-configuration-options', 'awslogs-group=/ecs/web\nawslogs-region=us-east-1\nawslogs-stream-prefix=ecs',
      '--docker-labels', 'team=payments\nversion=',
      '--env-files', 'arn:aws:s3:::config-bucket/web/prod.env',
      '--json',
    ];
    const first = await runBundle({ args, env: awsEnv(moto.url) });
    expect(first.code, first.log).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ registered: 'true', 'task-definition-revision': '2' });
    const second = await runBundle({ args, env: awsEnv(moto.url) });
    expect(second.code, second.log).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ registered: 'false', 'task-definition-revision': '2' });
    expect(await revisionsOf(ecs, 'web')).toHaveLength(2);
    const container = (await describeTaskDefinition(ecs, 'web:2')).taskDefinition?.containerDefinitions?.[0];
    expect(container).toMatchObject({
      dockerLabels: { tier: 'web', team: 'payments', version: '' },
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' } },
      environmentFiles: [{ value: 'arn:aws:s3:::config-bucket/web/prod.env', type: 's3' }],
    });
  });
});
