// on-failure rollback-all: every service this run moved goes back on the revision it ran before, as a new
// deployment of whatever kind the service deploys with. The put-back plan is built from what the run knows of
// the service (its plan, its inputs, where the rollout started from), with the service read again as it is now.
import type { EcsApi } from '../aws/ecs.js';
import type { Clock } from '../clock.js';
import { familyRevision, sameRevision } from '../aws/names.js';
import type { Applied } from '../deploy/apply.js';
import type { DeployPlan } from '../deploy/plan.js';
import { preflightService } from '../deploy/preflight.js';
import { newProgress, type DeliveryResult, type Progress } from '../deploy/result.js';
import { errorMessage } from '../errors.js';
import type { Reporter } from '../report.js';
import { continueAtHook } from '../rollout/continue-paused.js';
import { putBackInputs } from '../rollout/express.js';
import { rolling } from '../rollout/rolling.js';
import type { DeploymentStatus, PausedDeploymentAt, RolloutTarget } from '../watch/contract.js';
import type { ServiceRun } from './state.js';

/** Statuses after which a service that moved is put back: not one ECS or the watcher already put back, nor one another deploy took over. */
const PUT_BACK: ReadonlySet<DeploymentStatus> = new Set(['COMPLETED', 'SKIPPED', 'FAILED', 'TIMED_OUT', 'UNKNOWN']);

export interface RollBackAllDeps {
  ecs: EcsApi;
  reporter: Reporter;
  cancel: AbortSignal;
  clock: Pick<Clock, 'now' | 'sleep'>;
  apply(run: ServiceRun, plan: DeployPlan, progress: Progress): Promise<Applied>;
}

export async function rollBackAll(deps: RollBackAllDeps, runs: readonly ServiceRun[], failed: ServiceRun): Promise<void> {
  let moved = runs.filter((run) => {
    const target = run.progress.target;
    return target && run.result && PUT_BACK.has(run.result.deploymentStatus) && !sameRevision(target.previous.taskDefinitionArn, target.taskDefinitionArn);
  });
  const cause = `${failed.prefix} ${failed.result?.deploymentStatus ?? 'FAILED'}`;
  // A service this run created (an Express service) ran no revision before: there is nothing to put it back on.
  for (const run of moved.filter((item) => item.progress.target?.previous.taskDefinitionArn === '')) {
    run.reporter.warn(`rollback-all: ${run.inputs.service} was created by this run, so there is no revision to put it back on; it stays as it is.`);
  }
  moved = moved.filter((run) => run.progress.target?.previous.taskDefinitionArn !== '');
  if (moved.length === 0) {
    deps.reporter.info(`on-failure rollback-all: ${cause}; no service of this run is left on a new revision.`);
    return;
  }
  deps.reporter.warn(`on-failure rollback-all: ${cause}; putting ${moved.map((run) => run.prefix).join(', ')} back on the revision each ran before.`);
  await Promise.all(moved.map((run) => putBack(deps, run, cause)));
}

async function putBack(deps: RollBackAllDeps, run: ServiceRun, cause: string): Promise<void> {
  const target = run.progress.target;
  const before = run.result;
  if (!target || !before || !run.plan?.update) return;
  const to = familyRevision(target.previous.taskDefinitionArn);
  run.reporter.warn(`rollback-all: ${putBackLine(run, target, to)}`);
  let ended: DeliveryResult | undefined;
  let problem: string | undefined;
  try {
    const plan = withGoAhead(await putBackPlan(deps.ecs, run.plan, run.inputs, target), deps, run);
    const applied = await deps.apply(run, plan, newProgress());
    ended = applied.result;
    if (applied.result.deploymentStatus !== 'COMPLETED') problem = applied.result.statusMessage ?? applied.result.deploymentStatus;
  } catch (error) {
    problem = errorMessage(error);
  }
  const said = before.statusMessage ? `${before.deploymentStatus}: ${before.statusMessage}` : `${before.deploymentStatus} on ${familyRevision(target.taskDefinitionArn)}`;
  run.result = problem
    ? { ...before, deploymentStatus: deps.cancel.aborted ? 'CANCELLED' : 'FAILED', statusMessage: `${said}; rollback-all could not put it back on ${to}: ${problem}`, finishedAt: deps.clock.now() }
    : {
        ...before,
        deploymentStatus: 'ROLLED_BACK',
        statusMessage: `${said}; put back on ${to} by on-failure rollback-all, as ${cause}`,
        rolledBackTo: to,
        finishedAt: ended?.finishedAt ?? deps.clock.now(),
      };
  run.reporter.info(problem ? `rollback-all: ${run.inputs.service} is not back on ${to}: ${problem}` : `rollback-all: ${run.inputs.service} is back on ${to}.`);
}

/**
 * The previous revision deployed as it is: nothing built, registered, run or deregistered, the desired count it
 * had, waited for. Neither rollback nor rollback-on-cancel: a cancel while putting back must not "roll back" to
 * the bad revision.
 */
export async function putBackPlan(
  ecs: EcsApi,
  plan: DeployPlan,
  inputs: Pick<ServiceRun['inputs'], 'waitTimeoutMs' | 'pollIntervalMs' | 'maxFailedTasks' | 'waitUntil' | 'pauseTimeoutMs'>,
  target: Pick<RolloutTarget, 'previous'>,
): Promise<DeployPlan> {
  const update = plan.update;
  if (!update) throw new Error('putBackPlan needs the plan of a service update');
  const previous = target.previous.taskDefinitionArn;
  const { service: now, kind } = await preflightService(ecs, update.cluster, update.service, plan.region);
  return {
    region: plan.region,
    cluster: plan.cluster,
    compared: true,
    taskDefinition: { kind: 'existing', arn: previous, revision: Number(familyRevision(previous).split(':')[1] ?? 0), family: plan.taskDefinition.family },
    changes: [],
    update: {
      cluster: update.cluster,
      service: update.service,
      before: now,
      kind,
      desiredCount: target.previous.desiredCount,
      forceNewDeployment: false,
      ...(update.extra ? { extra: update.extra } : {}),
      ...(update.codeDeploy ? { codeDeploy: update.codeDeploy } : {}),
      // An Express service is read again when it is put back (what the run read of it is out of date), and goes
      // back to the configuration the run found.
      ...(update.express ? { express: { inputs: putBackInputs(update.express) } } : {}),
      watch: {
        timeoutMs: inputs.waitTimeoutMs,
        pollIntervalMs: inputs.pollIntervalMs,
        rollback: false,
        rollbackOnCancel: false,
        ...(inputs.maxFailedTasks !== undefined ? { maxFailedTasks: inputs.maxFailedTasks } : {}),
        // Putting back is done once it completed: a paused put-back would leave the service half back.
        waitUntil: inputs.waitUntil === 'paused' ? 'completed' : inputs.waitUntil,
        ...(inputs.pauseTimeoutMs !== undefined ? { pauseTimeoutMs: inputs.pauseTimeoutMs } : {}),
      },
    },
  };
}

/**
 * The put-back's own service deployment is continued at each PAUSE hook: on-failure rollback-all is the go-ahead,
 * as asking for a rollback is.
 */
function withGoAhead(plan: DeployPlan, deps: RollBackAllDeps, run: ServiceRun): DeployPlan {
  const update = plan.update;
  if (!update?.watch) return plan;
  const continuePause = async (paused: PausedDeploymentAt): Promise<void> => {
    run.reporter.info(`rollback-all: the put-back's service deployment waits at PAUSE hook ${paused.hookId} (${paused.stage}): ContinueServiceDeployment, action CONTINUE`);
    await continueAtHook({ ecs: deps.ecs, clock: deps.clock, cancel: deps.cancel }, paused, run.inputs.pollIntervalMs);
  };
  return { ...plan, update: { ...update, watch: { ...update.watch, continuePause } } };
}

/**
 * A blue/green, linear, canary or CodeDeploy deployment that completed cannot be undone: going back is a new
 * deployment of the previous revision, with its own stages or lifecycle events.
 */
function putBackLine(run: ServiceRun, target: RolloutTarget, to: string): string {
  const back = {
    service: run.inputs.service,
    deployed: familyRevision(target.taskDefinitionArn),
    completed: run.result?.deploymentStatus === 'COMPLETED',
    to,
    ...(target.strategy ? { strategy: target.strategy } : {}),
  };
  return (run.plan?.update?.kind ?? rolling).putBack(back);
}
