// `rollback` of a CodeDeploy deployment in flight (Ready included): StopDeployment with autoRollbackEnabled (through
// aws/change.ts, in api.ts), then the stopped deployment followed until CodeDeploy names its rollback deployment, and
// that one followed to its end. ROLLED_BACK only once the rollback deployment succeeded.
import { familyRevision, formatDuration } from '../aws/names.js';
import type { Clock } from '../clock.js';
import type { Reporter } from '../report.js';
import { describeReadError } from '../watch/read-errors.js';
import type { CodeDeployApi } from '../aws/codedeploy-api.js';
import { followDeployment, type FollowEnd } from './follow.js';
import { errorInformationLine } from './progress.js';
import { followOptions, type CodeDeployOutcome, type CodeDeployTarget, type CodeDeployWatchOptions } from './watch.js';

export interface StopDeps {
  api: CodeDeployApi;
  clock: Clock;
  reporter: Reporter;
}

export async function stopWithRollback(deps: StopDeps, target: CodeDeployTarget, options: CodeDeployWatchOptions): Promise<CodeDeployOutcome> {
  const { api, clock, reporter } = deps;
  const to = familyRevision(target.previousTaskDefinitionArn);
  const deadline = clock.now() + options.timeoutMs;
  const answer = await api.stopDeployment(target.deploymentId, true);
  reporter.info(`StopDeployment ${target.deploymentId}: ${answer.status ?? '?'}${answer.statusMessage ? ` (${answer.statusMessage})` : ''}`);
  // A stop answered Pending ends the deployment later; either way CodeDeploy names the rollback on the stopped deployment.
  const stopped = await reporter.group(`Waiting for CodeDeploy to stop ${target.deploymentId}`, () =>
    followDeployment(deps, target.deploymentId, deadline, followOptions({ target, options }, false)),
  );
  if (stopped.end.kind !== 'final') return notFollowed(reporter, `stopping ${target.deploymentId}`, stopped.end, options);
  if (stopped.end.seen.info.status === 'Succeeded') {
    const message = `CodeDeploy deployment ${target.deploymentId} succeeded before the stop took effect: ${target.service} runs ${familyRevision(target.taskDefinitionArn)}; run rollback again to go back from it`;
    reporter.error(message);
    return { status: 'FAILED', message };
  }
  const rollbackId = await rollbackIdOf(deps, target.deploymentId, stopped.end.seen.info.rollbackInfo?.rollbackDeploymentId, deadline, options);
  if (!rollbackId) {
    const message = `CodeDeploy stopped ${target.deploymentId} (${errorInformationLine(stopped.end.seen.info) ?? 'no reason given'}) but started no rollback deployment back to ${to}`;
    reporter.error(message);
    return { status: 'FAILED', message };
  }
  const rollback = await reporter.group(`Watching CodeDeploy's rollback ${rollbackId} to ${to}`, () =>
    followDeployment(deps, rollbackId, deadline, followOptions({ target, options }, false)),
  );
  if (rollback.end.kind !== 'final') return notFollowed(reporter, `CodeDeploy's rollback ${rollbackId} to ${to}`, rollback.end, options);
  const info = rollback.end.seen.info;
  if (info.status === 'Succeeded') {
    const message = `CodeDeploy deployment ${target.deploymentId} was stopped, and CodeDeploy's rollback ${rollbackId} put ${target.service} back on ${to}`;
    reporter.info(message);
    return { status: 'ROLLED_BACK', message, rolledBackTo: to };
  }
  const message = `CodeDeploy's rollback ${rollbackId} to ${to} ended ${info.status ?? '?'}${errorInformationLine(info) ? ` (${errorInformationLine(info)})` : ''}`;
  reporter.error(message);
  return { status: 'FAILED', message };
}

/**
 * The rollback deployment CodeDeploy names on the stopped one. Whether it is named as the deployment reads Stopped
 * or a little later is not documented: it is read again until the deadline.
 */
async function rollbackIdOf(deps: StopDeps, deploymentId: string, named: string | undefined, deadline: number, options: CodeDeployWatchOptions): Promise<string | undefined> {
  let id = named;
  while (!id && deps.clock.now() + options.pollIntervalMs < deadline && !options.cancel.aborted) {
    await deps.clock.sleep(options.pollIntervalMs, options.cancel);
    try {
      id = (await deps.api.getDeployment(deploymentId))?.rollbackInfo?.rollbackDeploymentId;
    } catch (error) {
      deps.reporter.warn(`Could not read ${deploymentId}: ${describeReadError(error)}`);
    }
  }
  return id;
}

function notFollowed(reporter: Reporter, what: string, end: Exclude<FollowEnd, { kind: 'final' }>, options: CodeDeployWatchOptions): CodeDeployOutcome {
  if (end.kind === 'cancelled') {
    const message = `cancelled while ${what}`;
    reporter.warn(message);
    return { status: 'CANCELLED', message };
  }
  if (end.kind === 'timed-out') {
    const message = `${what} did not finish within ${formatDuration(options.timeoutMs)}`;
    reporter.error(message);
    return { status: 'TIMED_OUT', message };
  }
  const message = `the outcome of ${what} is unknown: ${end.kind === 'watch-error' ? end.message : end.kind === 'unobserved' ? end.problem : end.kind}`;
  reporter.error(message);
  return { status: 'UNKNOWN', message };
}
