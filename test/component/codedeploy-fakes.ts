// A CodeDeploy whose answers the test scripts over the fake clock's virtual time, for the CodeDeploy step's tests.
import type { CreateDeploymentInput, DeploymentGroupInfo, DeploymentInfo, ECSTarget, LifecycleEvent } from '@aws-sdk/client-codedeploy';
import type { CodeDeployApi } from '../../src/aws/codedeploy-api.js';
import { ECS_LIFECYCLE_EVENTS } from '../../src/codedeploy/progress.js';
import { EPOCH, type FakeClock } from './watch-fakes.js';

type Operation = keyof CodeDeployApi;

export interface CodeDeployCall {
  op: Operation;
  input: unknown;
  at: number;
}

export interface FakeDeployment {
  info: DeploymentInfo;
  target?: ECSTarget;
}

export class FakeCodeDeploy implements CodeDeployApi {
  readonly deployments = new Map<string, FakeDeployment>();
  readonly calls: CodeDeployCall[] = [];
  group: DeploymentGroupInfo | Error = { computePlatform: 'ECS', ecsServices: [{ serviceName: 'web', clusterName: 'prod' }] };
  /** Answers CreateDeployment: an id (the deployment is then listed) or an error; `created` says whether it was made anyway. */
  onCreate: (input: CreateDeploymentInput, call: number) => { id: string; error?: Error } = () => ({ id: 'd-1' });
  failWhen: (op: Operation, call: number) => Error | undefined = () => undefined;

  constructor(readonly clock: FakeClock) {}

  count(op: Operation): number {
    return this.calls.filter((call) => call.op === op).length;
  }

  /** A deployment in progress with every lifecycle event pending; `events` sets some. */
  put(id: string, info: Partial<DeploymentInfo> = {}, events: Partial<Record<string, LifecycleEvent['status']>> = {}): FakeDeployment {
    const deployment: FakeDeployment = {
      info: { deploymentId: id, status: 'InProgress', createTime: new Date(this.clock.now()), ...info },
      target: {
        deploymentId: id,
        targetId: 'prod:web',
        lifecycleEvents: ECS_LIFECYCLE_EVENTS.map((name) => ({ lifecycleEventName: name, status: events[name] ?? 'Pending' })),
      },
    };
    this.deployments.set(id, deployment);
    return deployment;
  }

  /** Changes a deployment once virtual time reaches EPOCH + `at`. */
  at(at: number, change: () => void): this {
    this.clock.at(at, change);
    return this;
  }

  event(id: string, name: string, status: LifecycleEvent['status'], extra: Partial<LifecycleEvent> = {}): void {
    const event = this.deployments.get(id)?.target?.lifecycleEvents?.find((candidate) => candidate.lifecycleEventName === name);
    if (!event) throw new Error(`no event ${name} in ${id}`);
    Object.assign(event, { status, ...extra });
  }

  private enter<T>(op: Operation, input: unknown, answer: () => T): Promise<T> {
    this.calls.push({ op, input, at: this.clock.now() - EPOCH });
    const failure = this.failWhen(op, this.count(op));
    if (failure) return Promise.reject(failure);
    try {
      return Promise.resolve(structuredClone(answer()));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private find(id: string): FakeDeployment {
    const found = this.deployments.get(id);
    if (!found) throw Object.assign(new Error(`no deployment ${id}`), { name: 'DeploymentDoesNotExistException', $fault: 'client', $metadata: { httpStatusCode: 400 } });
    return found;
  }

  getDeploymentGroup(applicationName: string, deploymentGroupName: string) {
    return this.enter('getDeploymentGroup', { applicationName, deploymentGroupName }, () => {
      if (this.group instanceof Error) throw this.group;
      return this.group;
    });
  }
  getDeploymentConfig(deploymentConfigName: string) {
    return this.enter('getDeploymentConfig', { deploymentConfigName }, () => ({ deploymentConfigName, computePlatform: 'ECS' as const }));
  }
  createDeployment(input: CreateDeploymentInput) {
    this.calls.push({ op: 'createDeployment', input, at: this.clock.now() - EPOCH });
    const { id, error } = this.onCreate(input, this.count('createDeployment'));
    if (id) this.put(id, { revision: input.revision ?? {}, status: 'Created', ...(input.description !== undefined ? { description: input.description } : {}) });
    return error ? Promise.reject(error) : Promise.resolve(id);
  }
  getDeployment(deploymentId: string) {
    return this.enter('getDeployment', { deploymentId }, () => this.find(deploymentId).info);
  }
  listDeployments(input: object) {
    return this.enter('listDeployments', input, () => ({ deployments: [...this.deployments.keys()].reverse() }));
  }
  listDeploymentTargets(deploymentId: string) {
    return this.enter('listDeploymentTargets', { deploymentId }, () => {
      const found = this.find(deploymentId);
      return { targetIds: found.target && found.info.status !== 'Created' ? ['prod:web'] : [] };
    });
  }
  getDeploymentTarget(deploymentId: string, targetId: string) {
    return this.enter('getDeploymentTarget', { deploymentId, targetId }, () => {
      const target = this.find(deploymentId).target;
      return target ? { deploymentTargetType: 'ECSTarget' as const, ecsTarget: target } : undefined;
    });
  }
  stopDeployment(deploymentId: string, autoRollbackEnabled: boolean) {
    return this.enter('stopDeployment', { deploymentId, autoRollbackEnabled }, () => ({ status: 'Pending' as const }));
  }
}
