// The Express Mode changes under the one discipline of aws/change.ts, through plan and apply over a mocked SDK
// client whose ECS keeps an Express service's state: a throttled change is sent again, a lost answer is settled by
// what ECS shows (a create by the service's name, an update by the service deployment it started) before anything
// is sent twice, a refusal is final and said in AWS's words, and a cancel waits for the answer in flight.
import {
  CreateExpressGatewayServiceCommand,
  DescribeClustersCommand,
  DescribeExpressGatewayServiceCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSServiceException,
  RegisterTaskDefinitionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateExpressGatewayServiceCommand,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import { beforeEach, describe, expect, test } from 'vitest';
import { ChangeRefusedError, LATE_APPLY_MARGIN_MS } from '../../src/aws/change.js';
import { CancelledError } from '../../src/errors.js';
import { expressInputs } from '../support/express-e2e.js';
import { arn, called, deliver, ecsMock, harness, inputs, REGION } from './deliver-harness.js';

const SERVICE_ARN = `arn:aws:ecs:${REGION}:123456789012:service/default/web`;
const INFRASTRUCTURE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices';
const CREATE_INPUTS = {
  service: 'web',
  ...expressInputs(),
  'execution-role-arn': 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  'express-infrastructure-role-arn': INFRASTRUCTURE,
  image: 'nginx:1.25',
};

type Change = 'CreateExpressGatewayService' | 'UpdateExpressGatewayService' | 'TagResource' | 'UntagResource';
/** lost-after: ECS applied it and the connection reset before the answer; lost-before: it reset before ECS saw it. */
type Fault = 'throttle' | 'refuse' | 'lost-after' | 'lost-before' | 'server-error';

const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', name: 'TimeoutError' });
const awsError = (name: string, status: number, message: string) =>
  new ECSServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message });

/** One Express service as ECS keeps it: its service deployments, newest last, and the configuration each deploys. */
class ExpressEcs {
  exists = false;
  readonly definitions: TaskDefinition[] = [];
  readonly deployments: { arn: string; revisionArn: string; taskDefinitionArn: string; healthCheckPath: string }[] = [];
  tags: { key: string; value: string }[] = [];
  readonly faults: Partial<Record<Change, Fault[]>> = {};
  /** Called as ECS receives the change, before it answers. */
  onReceive: Partial<Record<Change, () => void>> = {};

  constructor() {
    ecsMock.on(DescribeClustersCommand).resolves({ clusters: [{ clusterName: 'default', status: 'ACTIVE' }] });
    ecsMock.on(DescribeServicesCommand).callsFake(() => (this.exists ? { services: [this.service()], failures: [] } : { services: [], failures: [{ reason: 'MISSING' }] }));
    ecsMock.on(DescribeTaskDefinitionCommand).callsFake(({ taskDefinition }: { taskDefinition: string }) => {
      const found = [...this.definitions].reverse().find((item) => item.taskDefinitionArn === taskDefinition || item.family === taskDefinition);
      if (!found) throw awsError('ClientException', 400, 'Unable to describe task definition.');
      return { taskDefinition: found, tags: [] };
    });
    ecsMock.on(RegisterTaskDefinitionCommand).callsFake((input: TaskDefinition) => ({ taskDefinition: this.register(input) }));
    ecsMock.on(DescribeExpressGatewayServiceCommand).callsFake(() => ({ service: this.express() }));
    ecsMock.on(DescribeServiceDeploymentsCommand).callsFake(({ serviceDeploymentArns }: { serviceDeploymentArns: string[] }) => ({
      serviceDeployments: this.deployments
        .filter((item) => serviceDeploymentArns.includes(item.arn))
        .map((item) => ({ serviceDeploymentArn: item.arn, status: 'IN_PROGRESS', targetServiceRevision: { arn: item.revisionArn } })),
    }));
    ecsMock.on(CreateExpressGatewayServiceCommand).callsFake((input: { taskDefinitionArn: string; tags?: { key: string; value: string }[] }) =>
      this.change('CreateExpressGatewayService', () => {
        if (this.exists) throw awsError('InvalidParameterException', 400, 'Creation of service was not idempotent.');
        this.exists = true;
        this.tags = input.tags ?? [];
        this.deploy(input.taskDefinitionArn, '/ping');
        return { service: this.express() };
      }),
    );
    ecsMock.on(UpdateExpressGatewayServiceCommand).callsFake((input: { taskDefinitionArn: string; healthCheckPath?: string }) =>
      this.change('UpdateExpressGatewayService', () => {
        this.deploy(input.taskDefinitionArn, input.healthCheckPath ?? this.deployments.at(-1)?.healthCheckPath ?? '/ping');
        return { service: { serviceArn: SERVICE_ARN } };
      }),
    );
    ecsMock.on(TagResourceCommand).callsFake((input: { tags: { key: string; value: string }[] }) =>
      this.change('TagResource', () => {
        for (const tag of input.tags) this.tags = [...this.tags.filter((item) => item.key !== tag.key), tag];
        return {};
      }),
    );
    ecsMock.on(UntagResourceCommand).callsFake((input: { tagKeys: string[] }) =>
      this.change('UntagResource', () => {
        this.tags = this.tags.filter((item) => !input.tagKeys.includes(item.key));
        return {};
      }),
    );
  }

  /** An Express service on web:1 since its first deployment. */
  existing(): this {
    this.register({ family: 'web', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'Main', image: 'nginx:1.25', portMappings: [{ containerPort: 8080, name: 'http' }] }] });
    this.exists = true;
    this.deploy(arn(1), '/ping');
    return this;
  }

  fail(change: Change, ...faults: Fault[]): this {
    this.faults[change] = faults;
    return this;
  }

  get current(): string | undefined {
    return this.deployments.at(-1)?.arn;
  }

  private register(input: TaskDefinition): TaskDefinition {
    const revision = this.definitions.length + 1;
    const definition: TaskDefinition = { ...input, taskDefinitionArn: arn(revision), revision, status: 'ACTIVE' };
    this.definitions.push(definition);
    return definition;
  }

  private deploy(taskDefinitionArn: string, healthCheckPath: string): void {
    const n = this.deployments.length + 1;
    this.deployments.push({
      arn: `arn:aws:ecs:${REGION}:123456789012:service-deployment/default/web/sd${n}`,
      revisionArn: `arn:aws:ecs:${REGION}:123456789012:service-revision/default/web/r${n}`,
      taskDefinitionArn,
      healthCheckPath,
    });
  }

  private change<T>(name: Change, apply: () => T): T {
    this.onReceive[name]?.();
    const fault = this.faults[name]?.shift();
    if (fault === 'throttle') throw awsError('ThrottlingException', 400, 'Rate exceeded');
    if (fault === 'refuse') throw awsError('InvalidParameterException', 400, 'The task definition must have a container named Main.');
    if (fault === 'lost-before') throw reset();
    if (fault === 'server-error') throw awsError('ServerException', 500, 'Service unavailable');
    const answer = apply();
    if (fault === 'lost-after') throw reset();
    return answer;
  }

  private service() {
    return { serviceName: 'web', serviceArn: SERVICE_ARN, status: 'ACTIVE', resourceManagementType: 'ECS', desiredCount: 1, deployments: [], events: [] };
  }

  private express() {
    const newest = this.deployments.at(-1);
    return {
      serviceName: 'web',
      serviceArn: SERVICE_ARN,
      cluster: 'default',
      currentDeployment: newest?.arn,
      tags: this.tags,
      activeConfigurations: newest
        ? [
            {
              serviceRevisionArn: newest.revisionArn,
              taskDefinitionArn: newest.taskDefinitionArn,
              healthCheckPath: newest.healthCheckPath,
              ingressPaths: [{ accessType: 'PUBLIC', endpoint: 'https://web-0123abcd.ecs.us-east-1.on.aws' }],
            },
          ]
        : [],
    };
  }
}

beforeEach(() => ecsMock.reset());

describe('Express changes through the one way a change is sent', () => {
  test('a throttled UpdateExpressGatewayService is sent again after a pause until ECS takes it: one deployment, followed', async () => {
    const ecs = new ExpressEcs().existing().fail('UpdateExpressGatewayService', 'throttle', 'throttle', 'throttle', 'throttle');
    const h = harness();

    const { result, error } = await deliver(h, inputs({ service: 'web', image: 'nginx:1.26' }));

    expect(error).toBeUndefined();
    expect(result.deploymentStatus).toBe('COMPLETED');
    expect(called(UpdateExpressGatewayServiceCommand)).toBe(5);
    expect(ecs.deployments).toHaveLength(2);
    expect(h.watched[0]?.serviceDeploymentArn).toBe(ecs.current);
    expect(h.reporter.text).toContain('UpdateExpressGatewayService web: ThrottlingException');
  });

  test("the update's answer lost after ECS applied it: read back by its service deployment, sent once", async () => {
    const ecs = new ExpressEcs().existing().fail('UpdateExpressGatewayService', 'lost-after');
    const h = harness();

    const { result, error } = await deliver(h, inputs({ service: 'web', image: 'nginx:1.26' }));

    expect(error).toBeUndefined();
    expect(result.deploymentStatus).toBe('COMPLETED');
    expect(called(UpdateExpressGatewayServiceCommand)).toBe(1);
    expect(h.watched[0]?.serviceDeploymentArn).toBe(ecs.current);
    expect(h.reporter.text).toContain('The update went through: service deployment');
  });

  test('an update answered with a 5xx that ECS never applied: sent again only once it can no longer land late', async () => {
    const ecs = new ExpressEcs().existing().fail('UpdateExpressGatewayService', 'server-error');
    const h = harness();

    const { result, error } = await deliver(h, inputs({ service: 'web', image: 'nginx:1.26' }));

    expect(error).toBeUndefined();
    expect(result.deploymentStatus).toBe('COMPLETED');
    expect(called(UpdateExpressGatewayServiceCommand)).toBe(2);
    expect(ecs.deployments).toHaveLength(2);
    expect(h.clock.elapsed).toBeGreaterThanOrEqual(LATE_APPLY_MARGIN_MS);
    expect(h.reporter.text).toContain('can no longer be applied late: sending it again');
  });

  test('a refused update is final, reported in AWS\'s words: nothing sent again, nothing watched', async () => {
    new ExpressEcs().existing().fail('UpdateExpressGatewayService', 'refuse');
    const h = harness();

    const { error } = await deliver(h, inputs({ service: 'web', image: 'nginx:1.26' }));

    expect(error).toBeInstanceOf(ChangeRefusedError);
    expect((error as Error).message).toBe('UpdateExpressGatewayService web: InvalidParameterException: The task definition must have a container named Main.');
    expect(called(UpdateExpressGatewayServiceCommand)).toBe(1);
    expect(h.watched).toEqual([]);
  });

  test("the create's answer lost after ECS made the service: found by its name, not created twice", async () => {
    const ecs = new ExpressEcs().fail('CreateExpressGatewayService', 'lost-after');
    const h = harness();

    const { result, error } = await deliver(h, inputs(CREATE_INPUTS));

    expect(error).toBeUndefined();
    expect(result.deploymentStatus).toBe('COMPLETED');
    expect(result.endpoint).toBe('https://web-0123abcd.ecs.us-east-1.on.aws');
    expect(called(CreateExpressGatewayServiceCommand)).toBe(1);
    expect(h.watched[0]?.serviceDeploymentArn).toBe(ecs.current);
    expect(h.reporter.text).toContain('Read the service back by name: the create went through');
  });

  test("the create's answer lost before ECS saw it: created by a second send once the first can no longer land", async () => {
    const ecs = new ExpressEcs().fail('CreateExpressGatewayService', 'lost-before');
    const h = harness();

    const { result, error } = await deliver(h, inputs(CREATE_INPUTS));

    expect(error).toBeUndefined();
    expect(result.deploymentStatus).toBe('COMPLETED');
    expect(called(CreateExpressGatewayServiceCommand)).toBe(2);
    expect(ecs.deployments).toHaveLength(1);
    expect(h.clock.elapsed).toBeGreaterThanOrEqual(LATE_APPLY_MARGIN_MS);
  });

  test('mutate-tags-on-update: a throttled TagResource and an UntagResource whose answer was lost are settled, each once applied', async () => {
    const ecs = new ExpressEcs().existing().fail('TagResource', 'throttle').fail('UntagResource', 'lost-after');
    ecs.tags = [{ key: 'team', value: 'old' }, { key: 'gone', value: 'x' }];
    const h = harness();

    const { error } = await deliver(h, inputs({ service: 'web', image: 'nginx:1.26', 'service-tags': 'team=web', 'mutate-tags-on-update': 'true' }));

    expect(error).toBeUndefined();
    expect(ecs.tags).toEqual([{ key: 'team', value: 'web' }]);
    expect(called(TagResourceCommand)).toBe(2);
    expect(called(UntagResourceCommand)).toBe(1);
  });

  /** The update reaches ECS, the job is cancelled, and the answer to the applied update is lost. */
  function appliedThenCancelled(ecs: ExpressEcs, h: ReturnType<typeof harness>): void {
    ecs.onReceive.UpdateExpressGatewayService = () => {
      ecs.fail('UpdateExpressGatewayService', 'lost-after');
      h.cancel.abort('SIGTERM');
    };
  }

  test('a cancel with the update unanswered, with rollback-on-cancel: read back once, and the deployment it started goes to the watcher to undo', async () => {
    const ecs = new ExpressEcs().existing();
    const h = harness();
    appliedThenCancelled(ecs, h);
    let followed: string | undefined;
    h.applyDeps.watch = async (target, options) => {
      followed = target.serviceDeploymentArn;
      return { status: options.cancel.aborted ? 'CANCELLED' : 'COMPLETED', message: 'cancelled; rolled back' };
    };

    const { result } = await deliver(h, inputs({ service: 'web', image: 'nginx:1.26', 'rollback-on-cancel': 'true' }));

    expect(called(UpdateExpressGatewayServiceCommand)).toBe(1);
    expect(followed).toBe(ecs.current);
    expect(ecs.deployments).toHaveLength(2);
    expect(result.deploymentStatus).toBe('CANCELLED');
  });

  test('a cancel with the update unanswered, without rollback-on-cancel: read back once, and the run says it was applied', async () => {
    const ecs = new ExpressEcs().existing();
    const h = harness();
    appliedThenCancelled(ecs, h);

    const { error, result } = await deliver(h, inputs({ service: 'web', image: 'nginx:1.26' }));

    expect(error).toBeInstanceOf(CancelledError);
    expect(result.serviceDeploymentArn).toBe(ecs.current);
    expect((error as Error).message).toBe(`cancelled by SIGTERM; UpdateExpressGatewayService was applied: web deploys web:2 (${ecs.current}), not watched by this run`);
    expect(called(UpdateExpressGatewayServiceCommand)).toBe(1);
    expect(h.watched).toEqual([]);
  });
});
