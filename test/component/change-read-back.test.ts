// A change whose answer is lost (the connection reset after ECS applied it, or before) is read back, and only what
// did not happen is sent again: RegisterTaskDefinition and UpdateService over a mocked SDK client whose ECS keeps
// state, so a call that "went through" is really there for the read-back to find.
import {
  DeregisterTaskDefinitionCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ECSServiceException,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type Deployment,
  type RegisterTaskDefinitionCommandInput,
  type Service,
  type TaskDefinition,
  type UpdateServiceCommandInput,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, test } from 'vitest';
import { MayHaveBeenAppliedError } from '../../src/aws/change.js';
import { ecsApi } from '../../src/aws/ecs.js';
import { registerRevision } from '../../src/deploy/register.js';
import { startDeployment, type DeploymentRequest } from '../../src/watch/start-deployment.js';
import { DeployError } from '../../src/errors.js';
import type { TaskDefinitionDocument } from '../../src/taskdef/types.js';
import { FakeClock, RecordingReporter, td } from './watch-fakes.js';

const ecsMock = mockClient(ECSClient);
const ecs = ecsApi(new ECSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }));
const DEPLOYER = 'arn:aws:iam::123456789012:role/deployer';

/** What a reset connection looks like to the SDK's caller. */
const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', name: 'TimeoutError' });
const clientError = (name: string, message: string) =>
  new ECSServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: 400 }, message });

const rendered: TaskDefinitionDocument = {
  taskDefinition: { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 256 }] },
  tags: [],
};

/** One family as ECS keeps it: web:1 (another image) exists; each applied register adds the next revision. */
class Family {
  readonly revisions: TaskDefinition[] = [];
  /** How many of the newest revisions ListTaskDefinitions does not show yet (ECS is eventually consistent). */
  hiddenFromList = 0;

  constructor() {
    this.add({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.26', memory: 256 }] });
  }

  add(input: RegisterTaskDefinitionCommandInput): TaskDefinition {
    const revision = this.revisions.length + 1;
    const definition: TaskDefinition = {
      ...(input as TaskDefinition),
      taskDefinitionArn: td(revision),
      revision,
      status: 'ACTIVE',
      registeredBy: DEPLOYER,
    };
    this.revisions.push(definition);
    return definition;
  }

  get active(): string[] {
    return this.revisions.filter((r) => r.status === 'ACTIVE').map((r) => `web:${r.revision}`);
  }
}

let family: Family;
let reporter: RecordingReporter;
let clock: FakeClock;

function serveFamily(register: (input: RegisterTaskDefinitionCommandInput, call: number) => TaskDefinition): void {
  let calls = 0;
  ecsMock.on(RegisterTaskDefinitionCommand).callsFake((input: RegisterTaskDefinitionCommandInput) => {
    calls += 1;
    return { taskDefinition: register(input, calls) };
  });
  ecsMock.on(ListTaskDefinitionsCommand).callsFake(() => ({
    taskDefinitionArns: family.revisions
      .slice(0, family.revisions.length - family.hiddenFromList)
      .filter((r) => r.status === 'ACTIVE')
      .map((r) => r.taskDefinitionArn!)
      .reverse(),
  }));
  ecsMock.on(DescribeTaskDefinitionCommand).callsFake((input: { taskDefinition: string }) => {
    const found = family.revisions.find((r) => r.taskDefinitionArn === input.taskDefinition);
    if (!found) throw clientError('ClientException', 'Unable to describe task definition.');
    return { taskDefinition: found, tags: [] };
  });
  ecsMock.on(DeregisterTaskDefinitionCommand).callsFake((input: { taskDefinition: string }) => {
    const found = family.revisions.find((r) => r.taskDefinitionArn === input.taskDefinition)!;
    found.status = 'INACTIVE';
    return { taskDefinition: found };
  });
}

const registerCalls = () => ecsMock.commandCalls(RegisterTaskDefinitionCommand).length;
const register = (latestRevision?: number) =>
  registerRevision(ecs, rendered, { ...(latestRevision !== undefined ? { latestRevision } : {}), reporter, clock });

beforeEach(() => {
  ecsMock.reset();
  family = new Family();
  reporter = new RecordingReporter();
  clock = new FakeClock();
});

describe('registerRevision after a lost answer', () => {
  test('it went through: the revision is found and used, nothing is registered twice', async () => {
    serveFamily((input) => {
      family.add(input);
      throw reset();
    });

    expect(await register(1)).toEqual({ arn: td(2), revision: 2, registered: true });
    expect(registerCalls()).toBe(1);
    expect(family.active).toEqual(['web:1', 'web:2']);
    expect(reporter.text).toContain('RegisterTaskDefinition web: the answer was lost');
    expect(reporter.text).toContain('web:2 was registered by that call: using it.');
  });

  test('it went through but the read-back did not show it yet: the duplicate the retry made is deregistered and logged', async () => {
    serveFamily((input, call) => {
      const definition = family.add(input);
      if (call === 1) {
        family.hiddenFromList = 1;
        throw reset();
      }
      family.hiddenFromList = 0;
      return definition;
    });

    expect(await register(1)).toEqual({ arn: td(3), revision: 3, registered: true });
    expect(registerCalls()).toBe(2);
    expect(ecsMock.commandCalls(DeregisterTaskDefinitionCommand).map((call) => call.args[0].input.taskDefinition)).toEqual([td(2)]);
    expect(family.active).toEqual(['web:1', 'web:3']);
    expect(reporter.lines.filter((line) => line.level === 'warn').map((line) => line.text)).toContain(
      'A lost answer registered web:2 as a duplicate of web:3: deregistered web:2.',
    );
  });

  test('an equal revision another principal registered meanwhile is left alone', async () => {
    serveFamily((input, call) => {
      const definition = family.add(input);
      if (call === 1) {
        definition.registeredBy = 'arn:aws:iam::123456789012:user/someone-else';
        family.hiddenFromList = 1;
        throw reset();
      }
      family.hiddenFromList = 0;
      return definition;
    });

    expect(await register(1)).toMatchObject({ arn: td(3) });
    expect(ecsMock.commandCalls(DeregisterTaskDefinitionCommand)).toHaveLength(0);
  });

  test('it did not go through: read back at growing intervals until it can no longer land late, then registered again, once', async () => {
    serveFamily((input, call) => {
      if (call === 1) throw reset();
      return family.add(input);
    });

    expect(await register(1)).toEqual({ arn: td(2), revision: 2, registered: true });
    expect(registerCalls()).toBe(2);
    expect(family.active).toEqual(['web:1', 'web:2']);
    expect(clock.sleeps.slice(0, 5)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
    // The call's own 10 s deadline and 60 s more pass before the second send.
    expect(clock.elapsed).toBeGreaterThanOrEqual(70_000);
  });

  test('it went through 30 s after the answer was lost: found by a later read-back, never registered twice', async () => {
    serveFamily((input, call) => {
      if (call === 1) {
        clock.at(30_000, () => family.add(input));
        throw reset();
      }
      return family.add(input);
    });

    expect(await register(1)).toEqual({ arn: td(2), revision: 2, registered: true });
    expect(registerCalls()).toBe(1);
    expect(family.active).toEqual(['web:1', 'web:2']);
  });

  test('the read-back fails too: "may have been applied", naming the family and what to check', async () => {
    serveFamily((input) => {
      family.add(input);
      throw reset();
    });
    ecsMock.on(ListTaskDefinitionsCommand).rejects(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' }));

    const error = await register(1).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MayHaveBeenAppliedError);
    expect(error).toBeInstanceOf(DeployError);
    expect((error as Error).message).toMatch(/^RegisterTaskDefinition web may have been applied: its answer was lost \(TimeoutError: socket hang up\) and reading it back failed \(connect ECONNREFUSED 127.0.0.1:443\); check whether a new revision of web exists/);
    expect((error as MayHaveBeenAppliedError).whatToCheck).toBe(
      'whether a new revision of web exists: aws ecs list-task-definitions --family-prefix web --sort DESC',
    );
    expect(registerCalls()).toBe(1);
  });

  test('without the latest revision known before, a lost answer cannot be judged: "may have been applied"', async () => {
    serveFamily((input) => {
      family.add(input);
      throw reset();
    });
    await expect(register()).rejects.toThrow(MayHaveBeenAppliedError);
    expect(registerCalls()).toBe(1);
  });

  test('resets every time: the end names what exists, never a bare "socket hang up"', async () => {
    serveFamily(() => {
      throw reset();
    });

    const error = (await register(1).catch((e: unknown) => e)) as Error;

    expect(error).toBeInstanceOf(DeployError);
    expect(error.message).toMatch(
      /^RegisterTaskDefinition web may have been applied: its answer was lost \(TimeoutError: socket hang up\) and it did not show before the deadline \(no revision of web newer than web:1 is registered\); check /,
    );
    // Each send waits out a late apply before the next: a handful within the deadline, not a storm.
    expect(registerCalls()).toBeGreaterThan(1);
    expect(registerCalls()).toBeLessThanOrEqual(10);
  });

  test('a revision registered meanwhile that differs is named in the end', async () => {
    serveFamily((_input, call) => {
      if (call === 1) family.add({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:other', memory: 256 }] });
      throw reset();
    });

    const error = (await register(1).catch((e: unknown) => e)) as Error;

    expect(error.message).toMatch(/no revision of web newer than web:1 equals the rendered one; newer revisions registered meanwhile, by another run or tool: web:2\); check /);
  });

  test('a refusal is final at once: ECS did nothing, and the same call would be refused again', async () => {
    ecsMock.on(RegisterTaskDefinitionCommand).rejects(clientError('ClientException', 'Invalid setting for container'));

    await expect(register(1)).rejects.toThrow('RegisterTaskDefinition web: ClientException: Invalid setting for container');
    expect(registerCalls()).toBe(1);
    expect(ecsMock.commandCalls(ListTaskDefinitionsCommand)).toHaveLength(0);
  });

  test('throttling is tried again after a pause, without a read-back: ECS refuses a throttled call before doing it', async () => {
    serveFamily((input, call) => {
      if (call === 1) throw clientError('ThrottlingException', 'Rate exceeded');
      return family.add(input);
    });

    expect(await register(1)).toMatchObject({ arn: td(2) });
    expect(registerCalls()).toBe(2);
    expect(ecsMock.commandCalls(ListTaskDefinitionsCommand)).toHaveLength(0);
  });
});

/** A service on web:1 with one deployment; each applied UpdateService that changes the revision or forces starts one. */
class FakeService {
  service: Service = {
    serviceName: 'web',
    taskDefinition: td(1),
    desiredCount: 2,
    deployments: [{ id: 'ecs-svc/1', status: 'PRIMARY', taskDefinition: td(1) }],
    events: [],
  };
  private next = 2;

  apply(input: UpdateServiceCommandInput): Service {
    const changes = input.taskDefinition !== undefined && input.taskDefinition !== this.service.taskDefinition;
    if (changes || input.forceNewDeployment) {
      const old = (this.service.deployments ?? []).map((d): Deployment => ({ ...d, status: 'ACTIVE' }));
      this.service.deployments = [{ id: `ecs-svc/${this.next++}`, status: 'PRIMARY', taskDefinition: input.taskDefinition ?? this.service.taskDefinition }, ...old];
    }
    if (input.taskDefinition) this.service.taskDefinition = input.taskDefinition;
    if (input.desiredCount !== undefined) this.service.desiredCount = input.desiredCount;
    return structuredClone(this.service);
  }

  get startedDeployments(): number {
    return this.next - 2;
  }
}

describe('startDeployment after a lost answer', () => {
  let fake: FakeService;
  let before: Service;
  const request = (fields: Partial<DeploymentRequest> = {}): DeploymentRequest => ({
    cluster: 'prod',
    region: 'eu-west-1',
    taskDefinitionArn: td(2),
    forceNewDeployment: false,
    ...fields,
  });

  beforeEach(() => {
    fake = new FakeService();
    before = structuredClone(fake.service);
    ecsMock.on(DescribeServicesCommand).callsFake(() => ({ services: [structuredClone(fake.service)], failures: [] }));
  });

  const updates = () => ecsMock.commandCalls(UpdateServiceCommand).length;
  const start = (fields: Partial<DeploymentRequest> = {}) => startDeployment(ecs, before, request(fields), { reporter, clock });

  test('it went through: DescribeServices finds the new deployment, no second UpdateService', async () => {
    ecsMock.on(UpdateServiceCommand).callsFake((input: UpdateServiceCommandInput) => {
      fake.apply(input);
      throw reset();
    });

    const target = await start();

    expect(target).toMatchObject({ deploymentId: 'ecs-svc/2', taskDefinitionArn: td(2), deploymentIdsBefore: ['ecs-svc/1'] });
    expect(updates()).toBe(1);
    expect(ecsMock.commandCalls(DescribeServicesCommand)).toHaveLength(1);
    expect(reporter.text).toContain('The update went through: deployment ecs-svc/2 of web:2 started.');
  });

  test('with force-new-deployment on the same revision, one run starts one deployment', async () => {
    ecsMock.on(UpdateServiceCommand).callsFake((input: UpdateServiceCommandInput) => {
      fake.apply(input);
      throw reset();
    });

    const target = await start({ taskDefinitionArn: td(1), forceNewDeployment: true });

    expect(target.deploymentId).toBe('ecs-svc/2');
    expect(updates()).toBe(1);
    expect(fake.startedDeployments).toBe(1);
  });

  test('with force-new-deployment, an update that did not go through is sent again, and one deployment starts', async () => {
    let calls = 0;
    ecsMock.on(UpdateServiceCommand).callsFake((input: UpdateServiceCommandInput) => {
      calls += 1;
      if (calls === 1) throw reset();
      return { service: fake.apply(input) };
    });

    const target = await start({ taskDefinitionArn: td(1), forceNewDeployment: true });

    expect(target.deploymentId).toBe('ecs-svc/2');
    expect(updates()).toBe(2);
    expect(fake.startedDeployments).toBe(1);
  });

  test('the read-back fails: "may have been applied", naming the service and what to check', async () => {
    ecsMock.on(UpdateServiceCommand).callsFake((input: UpdateServiceCommandInput) => {
      fake.apply(input);
      throw reset();
    });
    ecsMock.on(DescribeServicesCommand).rejects(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));

    const error = (await start({ forceNewDeployment: true }).catch((e: unknown) => e)) as MayHaveBeenAppliedError;

    expect(error).toBeInstanceOf(MayHaveBeenAppliedError);
    expect(error.message).toMatch(/^UpdateService web may have been applied: its answer was lost/);
    expect(error.whatToCheck).toContain('aws ecs describe-services --cluster prod --services web');
    expect(error.whatToCheck).toContain('https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/web/deployments');
    expect(updates()).toBe(1);
  });

  test('a refusal is final at once', async () => {
    ecsMock.on(UpdateServiceCommand).rejects(clientError('AccessDeniedException', 'User is not authorized to perform ecs:UpdateService'));

    await expect(start()).rejects.toThrow(/^UpdateService web: access denied/);
    expect(updates()).toBe(1);
    expect(ecsMock.commandCalls(DescribeServicesCommand)).toHaveLength(0);
  });
});
