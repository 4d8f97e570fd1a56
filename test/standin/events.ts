// Service events, worded as ECS words them (see ECS-NOTES.md), newest first and at most 100.
import { newEventId } from './ids.js';
import type { ServiceRecord } from './model.js';

const MAX_EVENTS = 100;

export function postEvent(service: ServiceRecord, at: number, message: string): void {
  service.events.unshift({ id: newEventId(), createdAt: at, message });
  if (service.events.length > MAX_EVENTS) service.events.length = MAX_EVENTS;
}

const tasksList = (taskIds: readonly string[]): string => taskIds.map((id) => `(task ${id})`).join(' ');

export const message = {
  startedTasks: (service: string, taskIds: readonly string[]): string =>
    `(service ${service}) has started ${taskIds.length} tasks: ${tasksList(taskIds)}.`,
  stoppedTasks: (service: string, taskIds: readonly string[]): string =>
    `(service ${service}) has stopped ${taskIds.length} running tasks: ${tasksList(taskIds)}.`,
  steadyState: (service: string): string => `(service ${service}) has reached a steady state.`,
  deploymentCompleted: (service: string, deploymentId: string): string =>
    `(service ${service}) (deployment ${deploymentId}) deployment completed.`,
  deploymentFailed: (service: string, deploymentId: string): string =>
    `(service ${service}) (deployment ${deploymentId}) deployment failed: tasks failed to start.`,
  rollingBack: (service: string, deploymentId: string): string =>
    `(service ${service}) rolling back to deployment ${deploymentId}.`,
  unableToStart: (service: string): string =>
    `(service ${service}) is unable to consistently start tasks successfully.`,
  failedHealthChecks: (service: string, taskId: string): string =>
    `(service ${service}) (task ${taskId}) failed container health checks.`,
};
