// Why a deployment's tasks stopped: the part of a failure users most need and other tools leave out.
import type { Task } from '@aws-sdk/client-ecs';
import type { EcsApi } from '../aws/ecs.js';
import type { StoppedTaskReport } from './contract.js';
import { resourceName, sameRevision } from '../aws/names.js';

export const STOPPED_TASKS_SHOWN = 5;
const LIST_PAGES = 3;
const DESCRIBE_BATCH = 100;

export interface StoppedTasksQuery {
  cluster: string;
  service: string;
  /** Tasks a service starts carry the deployment id in `startedBy`. */
  deploymentId?: string;
  /** Used when the deployment id is not known. */
  taskDefinitionArn: string;
}

/** The most recently stopped tasks of one deployment, newest first. */
export async function stoppedTasksOf(ecs: EcsApi, query: StoppedTasksQuery, limit = STOPPED_TASKS_SHOWN): Promise<StoppedTaskReport[]> {
  const arns = await listStoppedTasks(ecs, query);
  const belongs = (task: Task): boolean =>
    query.deploymentId !== undefined
      ? task.startedBy === query.deploymentId
      : sameRevision(task.taskDefinitionArn, query.taskDefinitionArn);
  const tasks: Task[] = [];
  for (let start = 0; start < arns.length; start += DESCRIBE_BATCH) {
    const described = await ecs.describeTasks(query.cluster, arns.slice(start, start + DESCRIBE_BATCH));
    tasks.push(...described.filter(belongs));
  }
  return tasks
    .sort((a, b) => stoppedAt(b) - stoppedAt(a))
    .slice(0, limit)
    .map(toReport);
}

// ListTasks takes startedBy only as its sole filter, so the service's stopped tasks are listed and sorted out here.
async function listStoppedTasks(ecs: EcsApi, query: StoppedTasksQuery): Promise<string[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < LIST_PAGES; page++) {
    const answer = await ecs.listTasks({
      cluster: query.cluster,
      serviceName: query.service,
      desiredStatus: 'STOPPED',
      ...(nextToken ? { nextToken } : {}),
    });
    arns.push(...(answer.taskArns ?? []));
    nextToken = answer.nextToken;
    if (!nextToken) break;
  }
  return arns;
}

function stoppedAt(task: Task): number {
  return (task.stoppedAt ?? task.stoppingAt ?? task.createdAt)?.getTime() ?? 0;
}

function toReport(task: Task): StoppedTaskReport {
  return {
    taskArn: task.taskArn ?? '?',
    ...(task.stoppedReason !== undefined ? { stoppedReason: task.stoppedReason } : {}),
    ...(task.stopCode !== undefined ? { stopCode: task.stopCode } : {}),
    containers: (task.containers ?? []).map((container) => ({
      name: container.name ?? '?',
      ...(container.exitCode !== undefined ? { exitCode: container.exitCode } : {}),
      ...(container.reason !== undefined ? { reason: container.reason } : {}),
    })),
  };
}

export function stoppedTaskLines(report: StoppedTaskReport): string[] {
  const stopCode = report.stopCode ? ` (${report.stopCode})` : '';
  const lines = [`task ${resourceName(report.taskArn)}: ${report.stoppedReason ?? 'stopped, no reason given'}${stopCode}`];
  for (const container of report.containers) {
    const exit = container.exitCode !== undefined ? `exit code ${container.exitCode}` : 'no exit code';
    const reason = container.reason ? `: ${container.reason}` : '';
    lines.push(`  container ${container.name}: ${exit}${reason}`);
  }
  return lines;
}
