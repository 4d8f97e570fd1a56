import { shortName, taskArn } from '../arns.js';
import { clientException, invalidParameter, serviceNotFound } from '../errors.js';
import { type Body, includesTags, optionalString, optionalStringList, pageSize } from '../input.js';
import { checkRunTaskRequest } from '../one-off-tasks.js';
import type { TaskRecord } from '../model.js';
import { nextToken, paginate } from '../pagination.js';
import { taskToWire } from '../wire.js';
import type { OperationContext } from './context.js';

const MAX_DESCRIBED_TASKS = 100;

export function listTasks(body: Body, { world }: OperationContext): Body {
  const cluster = world.cluster(optionalString(body, 'cluster'));
  const startedBy = optionalString(body, 'startedBy');
  const serviceName = optionalString(body, 'serviceName');
  const family = optionalString(body, 'family');
  const containerInstance = optionalString(body, 'containerInstance');
  const desiredStatus = optionalString(body, 'desiredStatus');
  const launchType = optionalString(body, 'launchType');
  const otherFilters = [serviceName, family, containerInstance, desiredStatus, launchType];
  if (startedBy !== undefined && otherFilters.some((filter) => filter !== undefined)) {
    throw invalidParameter('startedBy must be the only filter when it is specified.');
  }
  let services = [...cluster.services.values()];
  if (serviceName !== undefined) {
    const service = cluster.services.get(shortName(serviceName));
    if (!service) throw serviceNotFound();
    services = [service];
  }
  const status = desiredStatus ?? 'RUNNING';
  const tasks = services
    .flatMap((service) => service.tasks)
    .filter(
      (task) =>
        task.desiredStatus === status &&
        containerInstance === undefined &&
        (family === undefined || task.family === family) &&
        (launchType === undefined || task.launchType === launchType) &&
        (startedBy === undefined || task.deploymentId === startedBy),
    );
  const page = paginate(tasks, pageSize(body, 100, 100), optionalString(body, 'nextToken'));
  return { taskArns: page.items.map((task) => task.arn), ...nextToken(page.nextToken) };
}

export function describeTasks(body: Body, { world, now }: OperationContext): Body {
  const cluster = world.cluster(optionalString(body, 'cluster'));
  const references = optionalStringList(body, 'tasks') ?? [];
  if (references.length === 0) throw invalidParameter('Tasks cannot be empty.');
  if (references.length > MAX_DESCRIBED_TASKS) {
    throw invalidParameter(`tasks can have at most ${MAX_DESCRIBED_TASKS} items.`);
  }
  const byId = new Map<string, TaskRecord>();
  for (const service of cluster.services.values()) for (const task of service.tasks) byId.set(task.id, task);
  const withTags = includesTags(body);
  const tasks: Body[] = [];
  const failures: Body[] = [];
  for (const reference of references) {
    const task = byId.get(shortName(reference));
    const oneOff = task ? undefined : world.oneOffTasks.find(cluster.name, reference);
    if (task) tasks.push(taskToWire(task, world.account.region, withTags ? [] : undefined));
    else if (oneOff) tasks.push(world.oneOffTasks.toWire(oneOff, now));
    else failures.push({ arn: taskArn(world.account, cluster.name, shortName(reference)), reason: 'MISSING' });
  }
  return { tasks, failures };
}

export function runTask(body: Body, { world, now }: OperationContext): Body {
  const cluster = world.cluster(optionalString(body, 'cluster'));
  const reference = optionalString(body, 'taskDefinition');
  if (reference === undefined) throw invalidParameter('taskDefinition is required.');
  const taskDefinition = world.taskDefinitions.find(reference);
  if (!taskDefinition) throw clientException('TaskDefinition not found.');
  if (taskDefinition.status !== 'ACTIVE') throw clientException('TaskDefinition is inactive');
  checkRunTaskRequest(body, taskDefinition);
  const task = world.oneOffTasks.run({
    cluster,
    taskDefinition,
    request: body,
    startedBy: optionalString(body, 'startedBy'),
    clientToken: optionalString(body, 'clientToken'),
    launchType: optionalString(body, 'launchType'),
    now,
  });
  return { tasks: [world.oneOffTasks.toWire(task, now)], failures: [] };
}

export function stopTask(body: Body, { world, now }: OperationContext): Body {
  const cluster = world.cluster(optionalString(body, 'cluster'));
  const reference = optionalString(body, 'task');
  if (reference === undefined) throw invalidParameter('task is required.');
  const task = world.oneOffTasks.find(cluster.name, reference);
  if (!task) throw invalidParameter('The referenced task was not found.');
  world.oneOffTasks.stop(task, optionalString(body, 'reason') ?? 'Task stopped by user', now);
  return { task: world.oneOffTasks.toWire(task, now) };
}
