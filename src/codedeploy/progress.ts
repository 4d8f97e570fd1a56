// What the CodeDeploy watcher prints: the deployment's status, each lifecycle event as it changes, the task sets'
// traffic, and, for a failure, the failed event's diagnostics. Pure: the watcher does the calls.
import type { DeploymentInfo, ECSTarget, ECSTaskSet, LifecycleEvent } from '@aws-sdk/client-codedeploy';
import { formatDuration } from '../aws/names.js';
import type { KeyedLine } from '../watch/changed-lines.js';

/** CodeDeploy's lifecycle events for an ECS deployment, in the order they run. */
export const ECS_LIFECYCLE_EVENTS = [
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'AllowTestTraffic',
  'AfterAllowTestTraffic',
  'BeforeAllowTraffic',
  'AllowTraffic',
  'AfterAllowTraffic',
] as const;

/** Log lines of the diagnostics' log tail shown for a failed event. */
export const LOG_TAIL_LINES = 20;

export function lifecycleEventLine(event: LifecycleEvent): string {
  const took = event.startTime && event.endTime ? ` (${formatDuration(event.endTime.getTime() - event.startTime.getTime())})` : '';
  return `${event.lifecycleEventName ?? '?'}: ${event.status ?? '?'}${took}`;
}

export function taskSetsLine(taskSets: readonly ECSTaskSet[]): string {
  const parts = [...taskSets]
    .sort((a, b) => (a.taskSetLabel ?? '').localeCompare(b.taskSetLabel ?? ''))
    .map(
      (set) =>
        `${set.taskSetLabel ?? set.identifer ?? 'task set'} ${set.runningCount ?? 0}/${set.desiredCount ?? 0} running, ` +
        `${set.trafficWeight ?? 0}% of traffic`,
    );
  return `Task sets: ${parts.join('; ')}`;
}

/** The failed lifecycle event and what CodeDeploy says about it: error code, message, the hook's log tail. */
export function failedEventLines(event: LifecycleEvent): string[] {
  const diagnostics = event.diagnostics;
  const what = [diagnostics?.errorCode, diagnostics?.message].filter(Boolean).join(': ');
  const lines = [`Lifecycle event ${event.lifecycleEventName ?? '?'} failed${what ? `: ${what}` : ''}`];
  if (diagnostics?.scriptName) lines.push(`  hook: ${diagnostics.scriptName}`);
  const tail = (diagnostics?.logTail ?? '').split(/\r?\n/).filter((line) => line.trim() !== '');
  if (tail.length > 0) lines.push('  log tail:', ...tail.slice(-LOG_TAIL_LINES).map((line) => `    ${line}`));
  return lines;
}

export function failedEventOf(target: ECSTarget | undefined): LifecycleEvent | undefined {
  return target?.lifecycleEvents?.find((event) => event.status === 'Failed');
}

/** Traffic has fully moved to the replacement: the original task set's termination wait began, or every event through AfterAllowTraffic passed. */
export function trafficShifted(info: DeploymentInfo | undefined, target: ECSTarget | undefined): boolean {
  if (info?.instanceTerminationWaitTimeStarted === true) return true;
  const afterAllowTraffic = target?.lifecycleEvents?.find((event) => event.lifecycleEventName === 'AfterAllowTraffic');
  return afterAllowTraffic?.status === 'Succeeded';
}

/** `HOOK_EXECUTION_FAILURE: ...`, or what is known. */
export function errorInformationLine(info: DeploymentInfo | undefined): string | undefined {
  const error = info?.errorInformation;
  if (!error?.code && !error?.message) return undefined;
  return [error.code, error.message?.replace(/\.+$/, '')].filter(Boolean).join(': ');
}

/** The lines one poll may print, keyed so that only a change prints again. */
export function pollLines(deploymentId: string, info: DeploymentInfo, target: ECSTarget | undefined): KeyedLine[] {
  const lines: KeyedLine[] = [];
  for (const event of target?.lifecycleEvents ?? []) {
    // Pending events say nothing yet; they print once they start, or when skipped.
    if (event.status === 'Pending') continue;
    lines.push([`event ${event.lifecycleEventName ?? '?'}`, `  ${lifecycleEventLine(event)}`]);
  }
  const taskSets = target?.taskSetsInfo ?? [];
  if (taskSets.length > 0) lines.push(['task sets', `  ${taskSetsLine(taskSets)}`]);
  // Last, so that the events that led to a final status come before it.
  lines.push(['status', `CodeDeploy deployment ${deploymentId}: ${info.status ?? '?'}`]);
  return lines;
}
