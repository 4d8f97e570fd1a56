// The deploy flow with the real ECS module over a mocked SDK client: which calls it makes, in which order,
// and which it never makes when something is wrong.
import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, test } from 'vitest';
import type { AwsSession } from '../../src/aws/clients.js';
import { ecsApi } from '../../src/aws/ecs.js';
import { unmodelledFields } from '../../src/aws/unmodelled.js';
import { deliver, type DeliverDeps, type ImageStep } from '../../src/deploy/deliver.js';
import { CancelledError, InputError, PreflightError } from '../../src/errors.js';
import { parseInputs } from '../../src/inputs/parse.js';
import type { RolloutTarget } from '../../src/watch/contract.js';
import { FakeClock, RecordingReporter } from './watch-fakes.js';

const ecsMock = mockClient(ECSClient);
const REGION = 'us-east-1';
const arn = (revision: number, family = 'web'): string => `arn:aws:ecs:${REGION}:123456789012:task-definition/${family}:${revision}`;

const runningDefinition: TaskDefinition = {
  taskDefinitionArn: arn(1),
  family: 'web',
  revision: 1,
  status: 'ACTIVE',
  executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
  containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256, cpu: 0, essential: true, environment: [{ name: 'KEEP', value: 'yes' }] }],
  requiresAttributes: [],
  compatibilities: ['EC2'],
};

function inputs(values: Record<string, string>) {
  return parseInputs((name) => values[name] ?? '');
}

function session(): AwsSession {
  const client = new ECSClient({ region: REGION, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  return { region: REGION, ecs: ecsApi(client), resolveCredentials: async () => ({}), options: { region: REGION } };
}

interface Harness {
  deps: DeliverDeps;
  reporter: RecordingReporter;
  watched: RolloutTarget[];
  cancel: AbortController;
}

function harness(overrides: Partial<DeliverDeps> = {}): Harness {
  const reporter = new RecordingReporter();
  const watched: RolloutTarget[] = [];
  const cancel = new AbortController();
  const deps: DeliverDeps = {
    reporter,
    clock: new FakeClock(),
    cancel: cancel.signal,
    readTextFile: () => {
      throw Object.assign(new Error('no file'), { code: 'ENOENT' });
    },
    session: session(),
    unmodelledFields,
    watch: async (target) => {
      watched.push(target);
      return { status: 'COMPLETED', message: 'completed' };
    },
    ...overrides,
  };
  return { deps, reporter, watched, cancel };
}

function serviceExists(fields: Record<string, unknown> = {}): void {
  ecsMock.on(DescribeClustersCommand).resolves({ clusters: [{ clusterName: 'default', status: 'ACTIVE' }] });
  ecsMock.on(DescribeServicesCommand).resolves({
    services: [
      {
        serviceName: 'web',
        status: 'ACTIVE',
        taskDefinition: arn(1),
        desiredCount: 2,
        runningCount: 2,
        deployments: [{ id: 'ecs-svc/1', status: 'PRIMARY', taskDefinition: arn(1) }],
        ...fields,
      },
    ],
    failures: [],
  });
}

function familyHas(definition: TaskDefinition): void {
  ecsMock.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: definition, tags: [] });
}

function updateCreatesDeployment(taskDefinition: string): void {
  ecsMock.on(UpdateServiceCommand).resolves({
    service: {
      serviceName: 'web',
      deployments: [
        { id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition },
        { id: 'ecs-svc/1', status: 'ACTIVE', taskDefinition: arn(1) },
      ],
    },
  });
}

const called = (command: Parameters<typeof ecsMock.commandCalls>[0]): number => ecsMock.commandCalls(command).length;

beforeEach(() => ecsMock.reset());

describe('deliver', () => {
  test('registers a new image on the latest revision, updates the service and follows the new deployment', async () => {
    serviceExists();
    familyHas(runningDefinition);
    ecsMock.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { ...runningDefinition, taskDefinitionArn: arn(2), revision: 2 } });
    updateCreatesDeployment(arn(2));
    const { deps, watched, reporter } = harness();

    const result = await deliver(deps, inputs({ service: 'web', family: 'web', image: 'nginx:1.25' }));

    const sent = ecsMock.commandCalls(RegisterTaskDefinitionCommand)[0]?.args[0].input;
    expect(sent).toMatchObject({ family: 'web', executionRoleArn: 'arn:aws:iam::123456789012:role/exec' });
    expect(sent?.containerDefinitions?.[0]).toMatchObject({ image: 'nginx:1.25', environment: [{ name: 'KEEP', value: 'yes' }] });
    expect(sent).not.toHaveProperty('revision');
    expect(sent).not.toHaveProperty('compatibilities');
    expect(ecsMock.commandCalls(UpdateServiceCommand)[0]?.args[0].input).toEqual({ cluster: 'default', service: 'web', taskDefinition: arn(2) });
    expect(watched[0]).toMatchObject({ deploymentId: 'ecs-svc/2', deploymentIdsBefore: ['ecs-svc/1'], previous: { taskDefinitionArn: arn(1), desiredCount: 2 } });
    expect(result).toMatchObject({ registered: true, revision: 2, deploymentStatus: 'COMPLETED', deploymentId: 'ecs-svc/2' });
    expect(reporter.text).toContain('nginx:1.24 → nginx:1.25');
    // The service already runs the family's latest revision: one description serves both.
    expect(called(DescribeTaskDefinitionCommand)).toBe(1);
  });

  test('reuses an unchanged revision and forces a deployment when the push gave the tag a new digest', async () => {
    serviceExists();
    familyHas(runningDefinition);
    updateCreatesDeployment(arn(1));
    const image: ImageStep = { check: async () => undefined, prepare: async () => ({ image: 'nginx:1.24', digest: 'sha256:abc', pushedNewDigest: true }) };
    const { deps, reporter } = harness({ image });

    const result = await deliver(deps, inputs({ service: 'web', family: 'web', image: 'nginx:1.24' }));

    expect(called(RegisterTaskDefinitionCommand)).toBe(0);
    expect(ecsMock.commandCalls(UpdateServiceCommand)[0]?.args[0].input).toMatchObject({ taskDefinition: arn(1), forceNewDeployment: true });
    expect(result).toMatchObject({ registered: false, revision: 1, imageDigest: 'sha256:abc' });
    expect(reporter.text).toMatch(/reusing web:1/);
    expect(reporter.text).toMatch(/forcing a new deployment/);
  });

  test.each([
    ['a missing service', () => {
      ecsMock.on(DescribeClustersCommand).resolves({ clusters: [{ clusterName: 'default', status: 'ACTIVE' }] });
      ecsMock.on(DescribeServicesCommand).resolves({ services: [], failures: [{ reason: 'MISSING' }] });
    }, /service: "web" was not found/],
    ['a missing cluster', () => {
      ecsMock.on(DescribeClustersCommand).resolves({ clusters: [], failures: [{ reason: 'MISSING' }] });
    }, /cluster: "default" does not exist/],
    ['an INACTIVE service', () => serviceExists({ status: 'INACTIVE' }), /is INACTIVE/],
    ['an EXTERNAL controller', () => serviceExists({ deploymentController: { type: 'EXTERNAL' } }), /EXTERNAL deployment controller/],
  ])('%s fails in preflight: no register, no update, no build', async (_name, arrange, message) => {
    arrange();
    familyHas(runningDefinition);
    let prepared = false;
    const { deps } = harness({ image: { check: async () => undefined, prepare: async () => ((prepared = true), { image: 'x', pushedNewDigest: false }) } });
    await expect(deliver(deps, inputs({ service: 'web', family: 'web', image: 'nginx:2' }))).rejects.toThrow(PreflightError);
    await expect(deliver(deps, inputs({ service: 'web', family: 'web', image: 'nginx:2' }))).rejects.toThrow(message);
    expect(called(RegisterTaskDefinitionCommand)).toBe(0);
    expect(called(UpdateServiceCommand)).toBe(0);
    expect(prepared).toBe(false);
  });

  test('a container name that does not exist fails before any build or push', async () => {
    serviceExists();
    familyHas(runningDefinition);
    let checked = false;
    const { deps } = harness({ image: { check: async () => void (checked = true), prepare: async () => ({ image: 'x', pushedNewDigest: false }) } });
    await expect(deliver(deps, inputs({ service: 'web', family: 'web', image: 'nginx:2', 'container-name': 'api' }))).rejects.toThrow(InputError);
    expect(checked).toBe(false);
    expect(called(RegisterTaskDefinitionCommand)).toBe(0);
  });

  test('a dry run only reads', async () => {
    serviceExists();
    familyHas(runningDefinition);
    const { deps, reporter, watched } = harness();
    const result = await deliver(deps, inputs({ service: 'web', family: 'web', image: 'nginx:3', 'dry-run': 'true' }));
    expect(called(RegisterTaskDefinitionCommand) + called(UpdateServiceCommand)).toBe(0);
    expect(watched).toHaveLength(0);
    expect(result).toMatchObject({ dryRun: true, deploymentStatus: 'SKIPPED' });
    expect(reporter.text).toMatch(/Would register a new revision of web \(latest is 1\)/);
    expect(reporter.text).toMatch(/Would update service web in default/);
  });

  test('a dry run with no session still renders the new task definition', async () => {
    const { deps, reporter } = harness({ session: undefined });
    await deliver(deps, inputs({ family: 'seed', image: 'app:1', memory: '300', 'container-port': '8080', 'dry-run': 'true' }));
    expect(ecsMock.calls()).toHaveLength(0);
    expect(reporter.text).toContain('"containerPort": 8080');
    expect(reporter.text).toMatch(/not compared with ECS/);
  });

  test('task-definition-arn deploys that revision as it is', async () => {
    serviceExists();
    familyHas({ ...runningDefinition, taskDefinitionArn: arn(7), revision: 7 });
    updateCreatesDeployment(arn(7));
    const { deps } = harness();
    const result = await deliver(deps, inputs({ service: 'web', 'task-definition-arn': 'web:7' }));
    expect(called(RegisterTaskDefinitionCommand)).toBe(0);
    expect(ecsMock.commandCalls(UpdateServiceCommand)[0]?.args[0].input).toMatchObject({ taskDefinition: arn(7) });
    expect(result).toMatchObject({ registered: false, revision: 7, deploymentStatus: 'COMPLETED' });
  });

  test('a task-definition-arn that does not exist fails in preflight', async () => {
    serviceExists();
    ecsMock.on(DescribeTaskDefinitionCommand, { taskDefinition: 'web:9' }).rejects(Object.assign(new Error('Unable to describe task definition.'), { name: 'ClientException' }));
    ecsMock.on(DescribeTaskDefinitionCommand, { taskDefinition: arn(1) }).resolves({ taskDefinition: runningDefinition });
    const { deps } = harness();
    await expect(deliver(deps, inputs({ service: 'web', 'task-definition-arn': 'web:9' }))).rejects.toThrow(/task-definition-arn: "web:9" does not exist/);
    expect(called(UpdateServiceCommand)).toBe(0);
  });

  test('fields the bundled SDK cannot send are named in a warning', async () => {
    ecsMock.on(DescribeTaskDefinitionCommand).rejects(Object.assign(new Error('Unable to describe task definition.'), { name: 'ClientException' }));
    ecsMock.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { taskDefinitionArn: arn(1, 'next'), revision: 1 } });
    const file = JSON.stringify({ family: 'next', futureField: true, containerDefinitions: [{ name: 'app', image: 'a:1', futureKnob: 1 }] });
    const { deps, reporter } = harness({ readTextFile: () => file });
    await deliver(deps, inputs({ 'task-definition': 'td.json' }));
    const warning = reporter.lines.find((line) => line.level === 'warn')?.text ?? '';
    expect(warning).toContain('futureField');
    expect(warning).toContain('containerDefinitions[0].futureKnob');
    expect(warning).toMatch(/will not be sent/);
  });

  test('wait false skips the watch', async () => {
    serviceExists();
    familyHas(runningDefinition);
    ecsMock.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { taskDefinitionArn: arn(2), revision: 2 } });
    updateCreatesDeployment(arn(2));
    const { deps, watched } = harness();
    const result = await deliver(deps, inputs({ service: 'web', family: 'web', image: 'nginx:5', wait: 'false' }));
    expect(watched).toHaveLength(0);
    expect(result.deploymentStatus).toBe('SKIPPED');
  });

  test('a cancel before the update stops the run with nothing updated', async () => {
    serviceExists();
    familyHas(runningDefinition);
    const h = harness();
    h.cancel.abort('SIGTERM');
    await expect(deliver(h.deps, inputs({ service: 'web', family: 'web', image: 'nginx:6' }))).rejects.toThrow(CancelledError);
    expect(called(RegisterTaskDefinitionCommand) + called(UpdateServiceCommand)).toBe(0);
  });

  test('keep-revisions runs after a completed rollout, protecting the deployed revision and the rollback target', async () => {
    serviceExists();
    familyHas(runningDefinition);
    ecsMock.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { taskDefinitionArn: arn(2), revision: 2 } });
    updateCreatesDeployment(arn(2));
    const asked: unknown[] = [];
    const { deps } = harness({ keepRevisions: async (...args) => (asked.push(args), ['web:1']) });
    const result = await deliver(deps, inputs({ service: 'web', family: 'web', image: 'nginx:7', 'keep-revisions': '1' }));
    expect(asked).toEqual([['web', 1, [arn(2), arn(1)]]]);
    expect(result.deregistered).toEqual(['web:1']);
  });

  test('a failed UpdateService is a FAILED result that still names the registered revision', async () => {
    serviceExists();
    familyHas(runningDefinition);
    ecsMock.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { taskDefinitionArn: arn(2), revision: 2 } });
    ecsMock.on(UpdateServiceCommand).rejects(Object.assign(new Error('User is not authorized to perform ecs:UpdateService'), { name: 'AccessDeniedException' }));
    const { deps, watched } = harness();
    const result = await deliver(deps, inputs({ service: 'web', family: 'web', image: 'nginx:8' }));
    expect(result).toMatchObject({ deploymentStatus: 'FAILED', taskDefinitionArn: arn(2), registered: true });
    expect(result.statusMessage).toMatch(/UpdateService web: access denied/);
    expect(watched).toHaveLength(0);
  });

  test('keep-revisions that cannot read never fails a completed deploy', async () => {
    serviceExists();
    familyHas(runningDefinition);
    ecsMock.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { taskDefinitionArn: arn(2), revision: 2 } });
    updateCreatesDeployment(arn(2));
    const { deps, reporter } = harness({
      keepRevisions: async () => {
        throw new Error('ListServices: access denied');
      },
    });
    const result = await deliver(deps, inputs({ service: 'web', family: 'web', image: 'nginx:9', 'keep-revisions': '2' }));
    expect(result).toMatchObject({ deploymentStatus: 'COMPLETED', deregistered: [] });
    expect(reporter.lines.find((line) => line.level === 'warn')?.text).toMatch(/keep-revisions: ListServices: access denied/);
  });

  test('container-port on an existing revision is refused rather than ignored', async () => {
    serviceExists();
    familyHas(runningDefinition);
    const { deps } = harness();
    await expect(deliver(deps, inputs({ service: 'web', family: 'web', image: 'nginx:9', 'container-port': '9090' }))).rejects.toThrow(
      /container-port: only used when a family is rendered from inputs alone/,
    );
    expect(called(RegisterTaskDefinitionCommand)).toBe(0);
  });

  test('a dry run prints environment values redacted', async () => {
    serviceExists();
    familyHas(runningDefinition);
    const { deps, reporter } = harness();
    await deliver(deps, inputs({ service: 'web', family: 'web', environment: 'DB_PASSWORD=hunter2', 'dry-run': 'true' }));
    expect(reporter.text).toContain('DB_PASSWORD');
    expect(reporter.text).not.toContain('hunter2');
  });

  test('a reused revision the service already runs says that ECS starts nothing new', async () => {
    serviceExists();
    familyHas(runningDefinition);
    ecsMock.on(UpdateServiceCommand).resolves({ service: { serviceName: 'web', deployments: [{ id: 'ecs-svc/1', status: 'PRIMARY', taskDefinition: arn(1) }] } });
    const { deps, reporter } = harness();
    await deliver(deps, inputs({ service: 'web', family: 'web', image: 'nginx:1.24' }));
    expect(reporter.text).toMatch(/already runs web:1: ECS starts no new tasks/);
  });
});
