// One-off tasks (RunTask, StopTask): a task started outside any service, which goes PROVISIONING → PENDING →
// RUNNING → STOPPED over time and stops with the exit codes its script sets. Like rollouts, its state is computed
// from the clock at each request, so polling never changes an outcome.
import { containerArn, shortName, taskArn, type Account } from './arns.js';
import { EcsError, invalidParameter } from './errors.js';
import { newContainerId, newTaskId } from './ids.js';
import type { Body, Json } from './input.js';
import type { TaskDefinitionRecord } from './model.js';

/** How the next one-off tasks behave; durations in ms from RunTask. */
export interface TaskScript {
  /** PROVISIONING, then PENDING, each this long. Default 200 each. */
  provisioningMs?: number;
  pendingMs?: number;
  /** RUNNING this long, then STOPPED. Default 1000; Infinity: runs until StopTask. */
  runMs?: number;
  /** Exit code per container name; containers not named exit 0 (essential) or 143 (stopped by ECS). */
  exitCodes?: Readonly<Record<string, number>>;
  /** Containers that never start (no exit code), with their reason, such as CannotPullContainerError. */
  neverStarted?: Readonly<Record<string, string>>;
}

export const DEFAULT_TASK_SCRIPT: Required<Omit<TaskScript, 'exitCodes' | 'neverStarted'>> = {
  provisioningMs: 200,
  pendingMs: 200,
  runMs: 1000,
};

interface OneOffTask {
  id: string;
  arn: string;
  clusterArn: string;
  clusterName: string;
  taskDefinition: TaskDefinitionRecord;
  startedBy: string;
  clientToken?: string;
  launchType?: string;
  request: Body;
  script: TaskScript;
  createdAt: number;
  containers: { name: string; arn: string; image: string; essential: boolean }[];
  stop?: { at: number; reason: string };
}

export class OneOffTasks {
  private readonly tasks: OneOffTask[] = [];
  private script: TaskScript = {};

  constructor(private readonly account: Account) {}

  setScript(script: TaskScript): void {
    this.script = { ...script };
  }

  run(input: {
    cluster: { name: string; arn: string };
    taskDefinition: TaskDefinitionRecord;
    request: Body;
    startedBy: string | undefined;
    clientToken: string | undefined;
    launchType: string | undefined;
    now: number;
  }): OneOffTask {
    // As ECS documents it: a client token is scoped to its cluster; the same token with the same parameters answers
    // the task the first request started, with other parameters it is a ConflictException.
    const same = input.clientToken
      ? this.tasks.find((task) => task.clientToken === input.clientToken && task.clusterArn === input.cluster.arn)
      : undefined;
    if (same) {
      if (JSON.stringify(same.request) !== JSON.stringify(input.request)) {
        throw new EcsError('ConflictException', 'The request uses the same client token as a previous, but non-identical request.');
      }
      return same;
    }
    const id = newTaskId();
    const definitions = (input.taskDefinition.body['containerDefinitions'] as Body[] | undefined) ?? [];
    const task: OneOffTask = {
      id,
      arn: taskArn(this.account, input.cluster.name, id),
      clusterArn: input.cluster.arn,
      clusterName: input.cluster.name,
      taskDefinition: input.taskDefinition,
      startedBy: input.startedBy ?? '',
      ...(input.clientToken ? { clientToken: input.clientToken } : {}),
      ...(input.launchType ? { launchType: input.launchType } : {}),
      request: input.request,
      script: this.script,
      createdAt: input.now,
      containers: definitions.map((definition) => ({
        name: String(definition['name'] ?? ''),
        arn: containerArn(this.account, input.cluster.name, id, newContainerId()),
        image: String(definition['image'] ?? ''),
        essential: definition['essential'] !== false,
      })),
    };
    this.tasks.push(task);
    return task;
  }

  find(clusterName: string, reference: string): OneOffTask | undefined {
    return this.tasks.find((task) => task.clusterName === clusterName && task.id === shortName(reference));
  }

  /** Asks the task to stop now; a task already stopped stays as it was. */
  stop(task: OneOffTask, reason: string, now: number): void {
    if (task.stop || this.statusAt(task, now) === 'STOPPED') return;
    task.stop = { at: now, reason };
  }

  all(): OneOffTask[] {
    return [...this.tasks];
  }

  clear(): void {
    this.tasks.length = 0;
    this.script = {};
  }

  statusAt(task: OneOffTask, now: number): 'PROVISIONING' | 'PENDING' | 'RUNNING' | 'STOPPED' {
    if (task.stop && task.stop.at <= now) return 'STOPPED';
    const { provisioningMs, pendingMs, runMs } = { ...DEFAULT_TASK_SCRIPT, ...task.script };
    const elapsed = now - task.createdAt;
    if (elapsed < provisioningMs) return 'PROVISIONING';
    if (elapsed < provisioningMs + pendingMs) return 'PENDING';
    if (elapsed < provisioningMs + pendingMs + runMs) return 'RUNNING';
    return 'STOPPED';
  }

  /** The task as DescribeTasks answers it at `now`. */
  toWire(task: OneOffTask, now: number): Body {
    const status = this.statusAt(task, now);
    const { provisioningMs, pendingMs, runMs } = { ...DEFAULT_TASK_SCRIPT, ...task.script };
    const startedAt = task.createdAt + provisioningMs + pendingMs;
    const stoppedAt = task.stop ? task.stop.at : startedAt + runMs;
    const started = status === 'RUNNING' || (status === 'STOPPED' && stoppedAt > startedAt);
    const stopped = status === 'STOPPED';
    const containers = task.containers.map((container) => {
      const never = task.script.neverStarted?.[container.name];
      const body: Body = { containerArn: container.arn, taskArn: task.arn, name: container.name, image: container.image, networkBindings: [], networkInterfaces: [] };
      if (!stopped) return { ...body, lastStatus: never ? 'PENDING' : status === 'RUNNING' ? 'RUNNING' : 'PENDING' };
      if (never !== undefined) return { ...body, lastStatus: 'STOPPED', reason: never };
      if (!started) return { ...body, lastStatus: 'STOPPED' };
      // A StopTask ends every container with SIGTERM; otherwise the script's codes, and ECS stops the others.
      const exitCode = task.stop ? 143 : (task.script.exitCodes?.[container.name] ?? (container.essential ? 0 : 143));
      return { ...body, lastStatus: 'STOPPED', exitCode };
    });
    const seconds = (ms: number): number => ms / 1000;
    const wire: Body = {
      taskArn: task.arn,
      clusterArn: task.clusterArn,
      taskDefinitionArn: task.taskDefinition.arn,
      group: `family:${task.taskDefinition.family}`,
      startedBy: task.startedBy,
      lastStatus: status,
      desiredStatus: stopped || task.stop ? 'STOPPED' : 'RUNNING',
      createdAt: seconds(task.createdAt),
      containers: containers as Json[],
      overrides: (task.request['overrides'] as Json | undefined) ?? { containerOverrides: [] },
      ...(task.launchType ? { launchType: task.launchType } : {}),
      ...(started ? { startedAt: seconds(startedAt) } : {}),
    };
    if (stopped) {
      wire['stoppedAt'] = seconds(stoppedAt);
      if (task.stop) {
        wire['stopCode'] = 'UserInitiated';
        wire['stoppedReason'] = task.stop.reason;
      } else if (task.script.neverStarted && Object.keys(task.script.neverStarted).length > 0) {
        wire['stopCode'] = 'TaskFailedToStart';
        wire['stoppedReason'] = 'Task failed to start';
      } else {
        wire['stopCode'] = 'EssentialContainerExited';
        wire['stoppedReason'] = 'Essential container in task exited';
      }
    }
    return wire;
  }
}

/** What RunTask refuses before it starts anything, as ECS words it. */
export function checkRunTaskRequest(request: Body, taskDefinition: TaskDefinitionRecord): void {
  const count = request['count'];
  if (count !== undefined && count !== 1) throw invalidParameter('The stand-in runs one task per RunTask: set count to 1.');
  if (request['launchType'] !== undefined && request['capacityProviderStrategy'] !== undefined) {
    throw invalidParameter('Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.');
  }
  const network = request['networkConfiguration'] as Body | undefined;
  if (taskDefinition.body['networkMode'] === 'awsvpc' && !network) {
    throw invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
  }
  const overrides = ((request['overrides'] as Body | undefined)?.['containerOverrides'] as Body[] | undefined) ?? [];
  const names = ((taskDefinition.body['containerDefinitions'] as Body[] | undefined) ?? []).map((definition) => definition['name']);
  for (const override of overrides) {
    if (!names.includes(override['name'])) throw invalidParameter('Override for container named ' + String(override['name']) + ' is not a container in the TaskDefinition.');
  }
}
