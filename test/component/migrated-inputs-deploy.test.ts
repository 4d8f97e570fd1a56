// The service-level inputs teams bring from aws-actions' deploy action reach UpdateService only when given, and a
// dry run names them; the render inputs reach RegisterTaskDefinition.
import { RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { beforeEach, describe, expect, test } from 'vitest';
import { planDeploy } from '../../src/deploy/plan.js';
import { planLines } from '../../src/deploy/plan-report.js';
import { arn, called, deliver, ecsMock, familyHas, harness, inputs, runningDefinition, serviceExists, updateCreatesDeployment } from './deliver-harness.js';

beforeEach(() => ecsMock.reset());

const ROLE = 'arn:aws:iam::123456789012:role/ecs-infrastructure';
const VOLUME = { roleArn: ROLE, sizeInGiB: 20, volumeType: 'gp3' };

function registers(revision: number): void {
  ecsMock.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { ...runningDefinition, taskDefinitionArn: arn(revision), revision } });
}

const service = { service: 'web', family: 'web', image: 'nginx:1.25' };
/** web:1 with a volume left to launch time, as a managed EBS volume needs. */
const withDataVolume = { ...runningDefinition, volumes: [{ name: 'data', configuredAtLaunch: true }] };

describe('UpdateService fields from aws-actions inputs', () => {
  test('managed tags, tag propagation and the EBS volume are sent as given', async () => {
    serviceExists();
    familyHas(withDataVolume);
    registers(2);
    updateCreatesDeployment(arn(2));
    const h = harness();

    const { error } = await deliver(h, inputs({
      ...service,
      'enable-ecs-managed-tags': 'false',
      'propagate-tags': 'TASK_DEFINITION',
      'service-managed-ebs-volume-name': 'data',
      'service-managed-ebs-volume': JSON.stringify(VOLUME),
    }));

    expect(error).toBeUndefined();
    expect(ecsMock.commandCalls(UpdateServiceCommand)[0]?.args[0].input).toEqual({
      cluster: 'default',
      service: 'web',
      taskDefinition: arn(2),
      enableECSManagedTags: false,
      propagateTags: 'TASK_DEFINITION',
      volumeConfigurations: [{ name: 'data', managedEBSVolume: VOLUME }],
    });
  });

  test('not given, none of them is sent: the service keeps its own settings', async () => {
    serviceExists({ propagateTags: 'SERVICE', enableECSManagedTags: true });
    familyHas(runningDefinition);
    registers(2);
    updateCreatesDeployment(arn(2));
    const h = harness();

    await deliver(h, inputs(service));

    const sent = ecsMock.commandCalls(UpdateServiceCommand)[0]?.args[0].input;
    expect(sent).toEqual({ cluster: 'default', service: 'web', taskDefinition: arn(2) });
  });

  test('only the one given is sent', async () => {
    serviceExists();
    familyHas(runningDefinition);
    registers(2);
    updateCreatesDeployment(arn(2));
    await deliver(harness(), inputs({ ...service, 'enable-ecs-managed-tags': 'true' }));
    expect(ecsMock.commandCalls(UpdateServiceCommand)[0]?.args[0].input).toEqual({ cluster: 'default', service: 'web', taskDefinition: arn(2), enableECSManagedTags: true });
  });

  test('a dry run prints them under the service update, and the rendered container settings in the diff', async () => {
    serviceExists();
    familyHas(withDataVolume);
    const h = harness();
    const plan = await planDeploy(h.planDeps, inputs({
      ...service,
      'enable-ecs-managed-tags': 'true',
      'propagate-tags': 'SERVICE',
      'service-managed-ebs-volume-name': 'data',
      'service-managed-ebs-volume': JSON.stringify({ ...VOLUME, filesystemType: 'xfs', encrypted: true }),
      'docker-labels': 'team=payments',
      'log-configuration-log-driver': 'awslogs',
      'log-configuration-options': 'awslogs-group=/ecs/web',
      'env-files': 'arn:aws:s3:::config-bucket/web/prod.env',
    }), { ecs: h.session.ecs, region: h.session.region });

    const lines = planLines(plan);
    const update = lines.findIndex((line) => line.startsWith('Would update service web in default to the new revision of web'));
    expect(update).toBeGreaterThanOrEqual(0);
    expect(lines.slice(update + 1, update + 4)).toEqual([
      '  ECS managed tags: on',
      '  propagate tags from: SERVICE',
      `  EBS volume: data: 20 GiB gp3 xfs, encrypted, role ${ROLE}`,
    ]);
    const changes = plan.changes.join('\n');
    expect(changes).toContain('dockerLabels');
    expect(changes).toContain('logConfiguration');
    expect(changes).toContain('environmentFiles');
    expect(called(RegisterTaskDefinitionCommand) + called(UpdateServiceCommand)).toBe(0);
  });

  test.each([
    ['a volume the revision does not have', runningDefinition, /^service-managed-ebs-volume-name: the task definition has no volume "data"; add \{"name": "data", "configuredAtLaunch": true\}/],
    ['a volume not left to launch time', { ...runningDefinition, volumes: [{ name: 'data', host: {} }] }, /^service-managed-ebs-volume-name: volume "data" of the task definition is not configuredAtLaunch/],
  ])('%s is refused by the plan, before anything is registered', async (_name, definition, message) => {
    serviceExists();
    familyHas(definition);
    const h = harness();
    const planning = planDeploy(h.planDeps, inputs({ ...service, 'service-managed-ebs-volume-name': 'data', 'service-managed-ebs-volume': JSON.stringify(VOLUME) }), { ecs: h.session.ecs, region: h.session.region });
    await expect(planning).rejects.toThrow(message);
    expect(called(RegisterTaskDefinitionCommand) + called(UpdateServiceCommand)).toBe(0);
  });

  test('the rendered definition carries the container settings to RegisterTaskDefinition', async () => {
    serviceExists();
    familyHas(runningDefinition);
    registers(2);
    updateCreatesDeployment(arn(2));
    await deliver(harness(), inputs({
      ...service,
      'docker-labels': 'team=payments',
      'log-configuration-log-driver': 'awslogs',
      'log-configuration-options': 'awslogs-group=/ecs/web\nawslogs-stream-prefix=ecs',
      'env-files': 'arn:aws:s3:::config-bucket/web/prod.env',
    }));
    const container = ecsMock.commandCalls(RegisterTaskDefinitionCommand)[0]?.args[0].input.containerDefinitions?.[0];
    expect(container).toMatchObject({
      dockerLabels: { team: 'payments' },
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web', 'awslogs-stream-prefix': 'ecs' } },
      environmentFiles: [{ value: 'arn:aws:s3:::config-bucket/web/prod.env', type: 's3' }],
    });
  });
});
