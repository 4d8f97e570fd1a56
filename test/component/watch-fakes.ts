// In-memory stand-ins for the watcher's tests: a clock whose sleep advances virtual time at once, an ECS whose
// answers follow a script over that time, and a reporter that records what was printed.
import type {
  Deployment,
  DescribeServiceDeploymentsCommandOutput,
  DescribeServicesCommandOutput,
  ListServiceDeploymentsCommandInput,
  ListServiceDeploymentsCommandOutput,
  ListTasksCommandInput,
  Service,
  ServiceDeployment,
  StopServiceDeploymentCommandOutput,
  ContinueServiceDeploymentCommandOutput,
  Task,
  UpdateServiceCommandInput,
  UpdateServiceCommandOutput,
} from '@aws-sdk/client-ecs';
import type { EcsApi } from '../../src/aws/ecs.js';
import type { Clock } from '../../src/clock.js';
import type { RolloutTarget, WatchOptions } from '../../src/watch/contract.js';

export const EPOCH = Date.UTC(2026, 0, 5, 12, 0, 0);
export const REGION = 'eu-west-1';
export const CLUSTER = 'prod';
export const SERVICE = 'web';

export function td(revision: number, family = 'web'): string {
  return `arn:aws:ecs:${REGION}:123456789012:task-definition/${family}:${revision}`;
}

export function sdArn(n: number): string {
  return `arn:aws:ecs:${REGION}:123456789012:service-deployment/${CLUSTER}/${SERVICE}/sd${n}`;
}

export class FakeClock implements Clock {
  t = EPOCH;
  readonly sleeps: number[] = [];
  private alarms: { at: number; fire: () => void }[] = [];

  now(): number {
    return this.t;
  }

  /** Elapsed virtual time since EPOCH. */
  get elapsed(): number {
    return this.t - EPOCH;
  }

  /** Runs `fire` when virtual time reaches EPOCH + `at`. */
  at(at: number, fire: () => void): void {
    this.alarms.push({ at: EPOCH + at, fire });
    this.alarms.sort((a, b) => a.at - b.at);
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    // Lets promises that race this sleep settle first, as they would in real time.
    await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) return;
    this.sleeps.push(ms);
    const until = this.t + ms;
    while (this.alarms[0] && this.alarms[0].at <= until) {
      const alarm = this.alarms.shift()!;
      this.t = Math.max(this.t, alarm.at);
      alarm.fire();
      // What the alarm settled runs now, and may end this sleep: a call answered at this moment, for one.
      await new Promise((resolve) => setImmediate(resolve));
      if (signal?.aborted) return;
    }
    this.t = until;
  }
}

export { RecordingReporter, type Line } from '../support/recording-reporter.js';

export function deployment(fields: Deployment & { id: string }): Deployment {
  return {
    status: 'PRIMARY',
    taskDefinition: td(2),
    desiredCount: 2,
    runningCount: 0,
    pendingCount: 0,
    failedTasks: 0,
    rolloutState: 'IN_PROGRESS',
    createdAt: new Date(EPOCH - 1000),
    ...fields,
  };
}

export function stoppedTask(fields: Task & { taskArn: string }): Task {
  return { lastStatus: 'STOPPED', desiredStatus: 'STOPPED', taskDefinitionArn: td(2), ...fields };
}

type Operation = keyof EcsApi;

export interface Call {
  op: Operation;
  at: number;
  input: unknown;
}

/**
 * An ECS that answers from `service`, `serviceDeployments` and `tasks`, which the test script changes over virtual
 * time with `at()`. `failWhen` makes chosen calls fail; `hangOn` makes one never answer.
 */
export class FakeEcs implements EcsApi {
  service: Service;
  readonly serviceDeployments = new Map<string, ServiceDeployment>();
  tasks: Task[] = [];
  readonly calls: Call[] = [];
  latencyMs = 0;
  failWhen: (op: Operation, callNumber: number) => Error | undefined = () => undefined;
  hangOn: (op: Operation, callNumber: number) => boolean = () => false;
  /** Makes chosen calls answer this many ms of virtual time later (they are answered when a sleep gets there). */
  answerAfter: (op: Operation, callNumber: number) => number = () => 0;
  onUpdateService: (input: UpdateServiceCommandInput, ecs: FakeEcs) => void = () => {
    throw new Error('unexpected UpdateService');
  };
  onStopServiceDeployment: (arn: string, stopType: string, ecs: FakeEcs) => void = () => {
    throw new Error('unexpected StopServiceDeployment');
  };
  onContinueServiceDeployment: (arn: string, hookId: string, action: string, ecs: FakeEcs) => void = () => {
    throw new Error('unexpected ContinueServiceDeployment');
  };
  private script: { at: number; change: (ecs: FakeEcs, at: number) => void }[] = [];
  private eventNumber = 0;
  private stepAt: number | undefined;

  constructor(
    readonly clock: FakeClock,
    service: Partial<Service> = {},
  ) {
    this.service = {
      serviceName: SERVICE,
      serviceArn: `arn:aws:ecs:${REGION}:123456789012:service/${CLUSTER}/${SERVICE}`,
      clusterArn: `arn:aws:ecs:${REGION}:123456789012:cluster/${CLUSTER}`,
      status: 'ACTIVE',
      desiredCount: 2,
      runningCount: 2,
      pendingCount: 0,
      taskDefinition: td(2),
      deployments: [],
      events: [],
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: false, rollback: false } },
      ...service,
    };
  }

  /** Applies `change` once virtual time reaches EPOCH + `at` (ms). */
  at(at: number, change: (ecs: FakeEcs, at: number) => void): this {
    this.script.push({ at: EPOCH + at, change });
    this.script.sort((a, b) => a.at - b.at);
    return this;
  }

  /** Posts a service event created at EPOCH + `at`; events are kept newest first, as ECS answers them. */
  event(message: string, at = this.stepAt ?? this.clock.t - EPOCH): void {
    this.eventNumber += 1;
    this.service.events = [{ id: `ev-${this.eventNumber}`, createdAt: new Date(EPOCH + at), message }, ...(this.service.events ?? [])];
  }

  /** Replaces the deployment with this id (or adds it), and keeps the service counts in line with PRIMARY. */
  setDeployments(...deployments: Deployment[]): void {
    this.service.deployments = deployments;
    this.service.runningCount = deployments.reduce((sum, d) => sum + (d.runningCount ?? 0), 0);
    this.service.pendingCount = deployments.reduce((sum, d) => sum + (d.pendingCount ?? 0), 0);
  }

  patchDeployment(id: string, fields: Partial<Deployment>): void {
    this.setDeployments(...(this.service.deployments ?? []).map((d) => (d.id === id ? { ...d, ...fields } : d)));
  }

  removeDeployment(id: string): void {
    this.setDeployments(...(this.service.deployments ?? []).filter((d) => d.id !== id));
  }

  count(op: Operation): number {
    return this.calls.filter((call) => call.op === op).length;
  }

  private async enter<T>(op: Operation, input: unknown, answer: () => T): Promise<T> {
    const callNumber = this.calls.length + 1;
    this.calls.push({ op, at: this.clock.t - EPOCH, input });
    if (this.hangOn(op, callNumber)) return new Promise<T>(() => {});
    const delay = this.answerAfter(op, callNumber);
    if (delay > 0) await new Promise<void>((resolve) => this.clock.at(this.clock.elapsed + delay, resolve));
    while (this.script[0] && this.script[0].at <= this.clock.t) {
      const step = this.script.shift()!;
      this.stepAt = step.at - EPOCH;
      step.change(this, this.stepAt);
      this.stepAt = undefined;
    }
    this.clock.t += this.latencyMs;
    const error = this.failWhen(op, callNumber);
    if (error) throw error;
    return structuredClone(answer());
  }

  describeServices(cluster: string, services: readonly string[]): Promise<DescribeServicesCommandOutput> {
    return this.enter('describeServices', { cluster, services }, () => ({ services: [this.service], failures: [], $metadata: {} }));
  }

  describeServiceDeployments(arns: readonly string[]): Promise<DescribeServiceDeploymentsCommandOutput> {
    return this.enter('describeServiceDeployments', { arns }, () => ({
      serviceDeployments: arns.flatMap((arn) => {
        const found = this.serviceDeployments.get(arn);
        return found ? [found] : [];
      }),
      $metadata: {},
    }));
  }

  listTasks(input: ListTasksCommandInput) {
    return this.enter('listTasks', input, () => ({
      taskArns: this.tasks.filter((task) => !input.desiredStatus || task.desiredStatus === input.desiredStatus).map((task) => task.taskArn!),
      $metadata: {},
    }));
  }

  describeTasks(cluster: string, tasks: readonly string[]): Promise<Task[]> {
    return this.enter('describeTasks', { cluster, tasks }, () => this.tasks.filter((task) => tasks.includes(task.taskArn!)));
  }

  updateService(input: UpdateServiceCommandInput): Promise<UpdateServiceCommandOutput> {
    return this.enter('updateService', input, () => {
      this.onUpdateService(input, this);
      return { service: this.service, $metadata: {} };
    });
  }

  describeCluster(): never {
    throw new Error('not used by the watcher');
  }
  describeTaskDefinition(): never {
    throw new Error('not used by the watcher');
  }
  registerTaskDefinition(): never {
    throw new Error('not used by the watcher');
  }
  listTaskDefinitions(): never {
    throw new Error('not used by the watcher');
  }
  deregisterTaskDefinition(): never {
    throw new Error('not used by the watcher');
  }
  listClusters(): never {
    throw new Error('not used by the watcher');
  }
  listServices(): never {
    throw new Error('not used by the watcher');
  }
  listServiceDeployments(input: ListServiceDeploymentsCommandInput): Promise<ListServiceDeploymentsCommandOutput> {
    return this.enter('listServiceDeployments', input, () => ({
      serviceDeployments: [...this.serviceDeployments.values()]
        .filter((sd) => !input.createdAt?.after || (sd.createdAt ?? new Date(EPOCH)) >= input.createdAt.after)
        .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))
        .map((sd) => ({
          ...(sd.serviceDeploymentArn ? { serviceDeploymentArn: sd.serviceDeploymentArn } : {}),
          ...(sd.status ? { status: sd.status } : {}),
          ...(sd.createdAt ? { createdAt: sd.createdAt } : {}),
        })),
      $metadata: {},
    }));
  }
  stopServiceDeployment(arn: string, stopType: 'ROLLBACK' | 'ABORT'): Promise<StopServiceDeploymentCommandOutput> {
    return this.enter('stopServiceDeployment', { arn, stopType }, () => {
      this.onStopServiceDeployment(arn, stopType, this);
      return { serviceDeploymentArn: arn, $metadata: {} };
    });
  }
  describeServiceRevisions(): never {
    throw new Error('not used by the watcher');
  }
  continueServiceDeployment(arn: string, hookId: string, action: 'CONTINUE' | 'ROLLBACK'): Promise<ContinueServiceDeploymentCommandOutput> {
    return this.enter('continueServiceDeployment', { arn, hookId, action }, () => {
      this.onContinueServiceDeployment(arn, hookId, action, this);
      return { serviceDeploymentArn: arn, $metadata: {} };
    });
  }
  runTask(): never {
    throw new Error('not used by the watcher');
  }
  stopTask(): never {
    throw new Error('not used by the watcher');
  }
}

/**
 * What the SDK throws for an answer cut short or not JSON: the parser's SyntaxError, with the HTTP response
 * hidden in `$response`, `$metadata` from it, and the SDK's hint appended to the message.
 */
export function unreadableAnswer(): Error {
  const error = new SyntaxError(
    'Unexpected end of JSON input\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.',
  );
  Object.defineProperty(error, '$response', { value: { statusCode: 200, headers: {}, body: '{"services":[{"serviceName":"we' }, enumerable: false });
  return Object.assign(error, { $metadata: { httpStatusCode: 200 } });
}

/** What Node's HTTP client throws when nothing listens on the endpoint any more. */
export function connectionRefused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED', errno: -111, syscall: 'connect' });
}

/** An error shaped like the ones the SDK throws: `name` from the wire, `$metadata.httpStatusCode`. */
export function awsError(name: string, httpStatusCode: number, message = name): Error {
  return Object.assign(new Error(message), {
    name,
    $fault: httpStatusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode },
  });
}

export function target(fields: Partial<RolloutTarget> = {}): RolloutTarget {
  return {
    cluster: CLUSTER,
    service: SERVICE,
    region: REGION,
    taskDefinitionArn: td(2),
    deploymentId: 'ecs-svc/2',
    deploymentIdsBefore: ['ecs-svc/1'],
    previous: { taskDefinitionArn: td(1), desiredCount: 2 },
    ...fields,
  };
}

export function options(fields: Partial<WatchOptions> = {}): WatchOptions {
  return {
    timeoutMs: 10 * 60_000,
    pollIntervalMs: 2_000,
    rollback: true,
    rollbackOnCancel: false,
    cancel: new AbortController().signal,
    ...fields,
  };
}

/** The service a moment after UpdateService to web:2: the new deployment starting, the old one still serving. */
export function rollingUpdate(clock: FakeClock, service: Partial<Service> = {}): FakeEcs {
  const ecs = new FakeEcs(clock, service);
  ecs.setDeployments(
    deployment({ id: 'ecs-svc/2' }),
    deployment({ id: 'ecs-svc/1', status: 'ACTIVE', taskDefinition: td(1), runningCount: 2, rolloutState: 'COMPLETED', createdAt: new Date(EPOCH - 86_400_000) }),
  );
  ecs.event('(service web) has reached a steady state.', -3_600_000);
  return ecs;
}

/** The rollback ECS makes when this run's UpdateService puts web:1 back: a new deployment that completes `after` ms later. */
export function rollbackCompletesAfter(after: number, id = 'ecs-svc/3') {
  return (input: UpdateServiceCommandInput, ecs: FakeEcs): void => {
    const ours = (ecs.service.deployments ?? []).map((d) => ({ ...d, status: 'ACTIVE' }));
    ecs.setDeployments(deployment({ id, taskDefinition: input.taskDefinition!, desiredCount: input.desiredCount ?? 2 }), ...ours);
    ecs.service.taskDefinition = input.taskDefinition!;
    ecs.at(ecs.clock.elapsed + after, (e) => {
      e.setDeployments(deployment({ id, taskDefinition: input.taskDefinition!, runningCount: 2, rolloutState: 'COMPLETED' }));
      e.event(`(service web) (deployment ${id}) deployment completed.`);
    });
  };
}
