// A CodeDeploy deployment that waits in Ready: its group's deploymentReadyOption is STOP_DEPLOYMENT, so traffic is
// rerouted only once someone calls ContinueDeployment (READY_WAIT), and CodeDeploy stops the deployment by itself
// when waitTimeInMinutes have passed. What wait-until paused ends with, and what continue and rollback look for.
import type { DeploymentInfo, DeploymentReadyOption, ECSTarget } from '@aws-sdk/client-codedeploy';
import { familyRevision } from '../aws/names.js';
import type { Reporter } from '../report.js';
import type { PausedAt } from '../watch/contract.js';
import type { Seen } from './follow.js';
import type { CodeDeployOutcome, CodeDeployTarget } from './watch.js';

/** How paused-at names the wait: CodeDeploy's own status of a deployment that waits for the reroute. */
export const READY_STAGE = 'Ready';

/** The ready wait as the group configures it; undefined when the group reroutes traffic without waiting. */
export function readyWaitMinutesOf(readyOption: DeploymentReadyOption | undefined): number | undefined {
  return readyOption?.actionOnTimeout === 'STOP_DEPLOYMENT' ? (readyOption.waitTimeInMinutes ?? 0) : undefined;
}

/**
 * When the deployment began to wait: CodeDeploy reports no such time, so the end of AfterAllowTestTraffic (the last
 * event before the wait), else when this run first saw it Ready.
 */
export function readySince(target: ECSTarget | undefined, seenAt: number): number {
  const event = target?.lifecycleEvents?.find((candidate) => candidate.lifecycleEventName === 'AfterAllowTestTraffic');
  return event?.status === 'Succeeded' && event.endTime ? event.endTime.getTime() : seenAt;
}

/** Where the deployment waits and when CodeDeploy stops it by itself (unknown without the group's wait). */
export function pausedAtReady(target: ECSTarget | undefined, seenAt: number, readyWaitMinutes: number | undefined): PausedAt {
  const expiresAt = readyWaitMinutes === undefined ? undefined : new Date(readySince(target, seenAt) + readyWaitMinutes * 60_000).toISOString();
  return { hookId: '', stage: READY_STAGE, ...(expiresAt ? { expiresAt } : {}) };
}

/** The command that lets a deployment waiting in Ready go on, for a person to run. */
export function continueCommand(deploymentId: string): string {
  return `aws deploy continue-deployment --deployment-id ${deploymentId} --deployment-wait-type READY_WAIT`;
}

/** wait-until paused: the deployment waits in Ready, PAUSED with where and until when. */
export function readyOutcome(ctx: { target: CodeDeployTarget; reporter: Reporter }, seen: Seen): CodeDeployOutcome {
  const { target, reporter } = ctx;
  const paused = pausedAtReady(seen.target, seen.at, target.readyWaitMinutes);
  const until = paused.expiresAt ? `; CodeDeploy stops it by itself at ${paused.expiresAt}` : '';
  const message = `CodeDeploy deployment ${target.deploymentId} (${familyRevision(target.taskDefinitionArn)}) waits in Ready for traffic to be rerouted (wait-until: paused)${until}`;
  reporter.info(message);
  reporter.info(`To continue: ecs-deliver continue --cluster ${target.cluster} --service ${target.service} (or ${continueCommand(target.deploymentId)}); to roll back: ecs-deliver rollback --cluster ${target.cluster} --service ${target.service}.`);
  return { status: 'PAUSED', message, paused };
}

/** True while the deployment waits for the reroute. */
export function waitsInReady(info: DeploymentInfo | undefined): boolean {
  return info?.status === 'Ready';
}
