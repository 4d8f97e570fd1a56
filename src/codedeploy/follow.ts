// Following one CodeDeploy deployment on the one poll loop: GetDeployment and its ECS target's lifecycle events
// each poll, each change printed once; ends when the deployment does, or (when asked) once traffic has moved.
import type { DeploymentInfo, ECSTarget } from '@aws-sdk/client-codedeploy';
import { formatDuration } from '../aws/names.js';
import type { Clock } from '../clock.js';
import type { Reporter } from '../report.js';
import { pollLoop, type Poll } from '../watch/poll-loop.js';
import { describeReadError, readErrorKind } from '../watch/read-errors.js';
import type { CodeDeployApi } from '../aws/codedeploy-api.js';
import { ChangedLines } from '../watch/changed-lines.js';
import { lifecycleEventLine, pollLines, taskSetsLine, trafficShifted } from './progress.js';
import { continueCommand } from './ready.js';

/** How often the time left of the termination wait is printed. */
const WAIT_LINE_EVERY_MS = 60_000;

export const FINAL_STATUSES: ReadonlySet<string> = new Set(['Succeeded', 'Failed', 'Stopped']);

export interface Seen {
  info: DeploymentInfo;
  target?: ECSTarget;
  at: number;
}

type FollowVerdict = { kind: 'final'; seen: Seen } | { kind: 'traffic-shifted'; seen: Seen } | { kind: 'ready'; seen: Seen };

export type FollowEnd =
  | FollowVerdict
  /** CodeDeploy kept answering, and the deployment had not ended at the deadline. */
  | { kind: 'timed-out' }
  /** The deadline came while CodeDeploy was not answering. */
  | { kind: 'unobserved'; problem: string }
  | { kind: 'cancelled' }
  /** A read no retry can fix (access denied, the deployment unknown). */
  | { kind: 'watch-error'; message: string };

export interface FollowResult {
  end: FollowEnd;
  last?: Seen;
  startedAt: number;
}

export interface FollowDeps {
  api: CodeDeployApi;
  clock: Clock;
  reporter: Reporter;
}

export interface FollowOptions {
  pollIntervalMs: number;
  cancel: AbortSignal;
  /** End once production traffic has fully moved (wait-until: traffic-shifted). */
  untilTrafficShifted?: boolean;
  /** How long the deployment group keeps the original task set after traffic moved, for the log. */
  terminationWaitMinutes?: number;
  /** With a ready wait, how long CodeDeploy waits for ContinueDeployment, for the log. */
  readyWaitMinutes?: number;
  /** End once the deployment waits in Ready for ContinueDeployment (wait-until: paused). */
  untilReady?: boolean;
}

class DeploymentGoneError extends Error {
  override readonly name = 'DeploymentGoneError';
}

export async function followDeployment(deps: FollowDeps, deploymentId: string, deadline: number, options: FollowOptions): Promise<FollowResult> {
  const { reporter } = deps;
  const changed = new ChangedLines();
  const notices = new Set<string>();
  let targetId: string | undefined;
  /** When this watch first saw traffic fully moved, and when it last said how much of the termination wait is left. */
  let shiftedAt: number | undefined;
  let waitLineAt: number | undefined;
  const noticeOnce = (key: string, line: string): void => {
    if (notices.has(key)) return;
    notices.add(key);
    reporter.info(line);
  };

  const judge = (seen: Seen, now: number): FollowVerdict | undefined => {
    const { info, target } = seen;
    for (const line of changed.changed(pollLines(deploymentId, info, target))) reporter.info(line);
    if (info.status === 'Ready') {
      const within = options.readyWaitMinutes ? ` within ${options.readyWaitMinutes} min, or the deployment group stops it` : '';
      noticeOnce(
        'ready',
        `The replacement task set is ready; CodeDeploy waits for a go-ahead${within}: ${continueCommand(deploymentId)}`,
      );
      if (options.untilReady) return { kind: 'ready', seen };
    }
    const shifted = trafficShifted(info, target);
    if (shifted && !FINAL_STATUSES.has(info.status ?? '')) {
      const waitMs = options.terminationWaitMinutes !== undefined ? options.terminationWaitMinutes * 60_000 : undefined;
      noticeOnce(
        'shifted',
        `Production traffic moved to the replacement task set; the original one is kept for the deployment group's termination wait${waitMs !== undefined ? ` (${formatDuration(waitMs)})` : ''}. To end the wait now: aws deploy continue-deployment --deployment-id ${deploymentId} --deployment-wait-type TERMINATION_WAIT`,
      );
      if (options.untilTrafficShifted) return { kind: 'traffic-shifted', seen };
      // The wait began when AfterAllowTraffic ended, as CodeDeploy says; else when this watch first saw it.
      shiftedAt ??= target?.lifecycleEvents?.find((event) => event.lifecycleEventName === 'AfterAllowTraffic')?.endTime?.getTime() ?? now;
      const left = waitMs === undefined ? undefined : shiftedAt + waitMs - now;
      if (left !== undefined && left < 1000) {
        noticeOnce('wait over', 'Termination wait: over; CodeDeploy ends the deployment once the original task set is gone');
      } else if (left !== undefined && now - (waitLineAt ?? shiftedAt) >= WAIT_LINE_EVERY_MS) {
        waitLineAt = now;
        reporter.info(`Termination wait: about ${formatDuration(left)} left`);
      }
    }
    return FINAL_STATUSES.has(info.status ?? '') ? { kind: 'final', seen } : undefined;
  };

  const poll: Poll<Seen, FollowVerdict> = {
    answerer: 'CodeDeploy',
    waitingFor: `CodeDeploy deployment ${deploymentId}`,
    standing: standingOfSeen,
    read: async () => {
      const answer = await observe(deps.api, deploymentId, targetId);
      targetId = answer.targetId;
      return { info: answer.info, ...(answer.target ? { target: answer.target } : {}), at: deps.clock.now() };
    },
    errorKind: (error) => (error instanceof DeploymentGoneError ? 'fatal' : readErrorKind(error)),
    describeError: describeReadError,
    judge,
  };
  const looped = await pollLoop(deps, options, deadline, poll);
  const end = looped.end.kind === 'verdict' ? looped.end.verdict : looped.end;
  return { end, startedAt: looped.startedAt, ...(looped.last ? { last: looped.last } : {}) };
}

async function observe(
  api: CodeDeployApi,
  deploymentId: string,
  knownTargetId: string | undefined,
): Promise<{ info: DeploymentInfo; target?: ECSTarget; targetId?: string }> {
  const info = await api.getDeployment(deploymentId);
  if (!info) throw new DeploymentGoneError(`GetDeployment ${deploymentId} answered no deployment`);
  // An ECS deployment has one target (the service); it is listed once CodeDeploy has begun.
  const targetId = knownTargetId ?? (await api.listDeploymentTargets(deploymentId)).targetIds[0];
  if (!targetId) return { info };
  const target = (await api.getDeploymentTarget(deploymentId, targetId))?.ecsTarget;
  return { info, targetId, ...(target ? { target } : {}) };
}

/** `InProgress; AllowTraffic: InProgress; Task sets: ...`: the status, the event running or last done, the traffic. */
function standingOfSeen(seen: Seen): string {
  const events = (seen.target?.lifecycleEvents ?? []).filter((event) => event.status && event.status !== 'Pending');
  const current = events.at(-1);
  const taskSets = seen.target?.taskSetsInfo ?? [];
  return [seen.info.status ?? '?', ...(current ? [lifecycleEventLine(current)] : []), ...(taskSets.length > 0 ? [taskSetsLine(taskSets)] : [])].join('; ');
}
