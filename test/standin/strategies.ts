// ECS's own blue/green, linear and canary deployments: the service deployment walks through the lifecycle stages
// over time. The new (green) revision scales up beside the old (blue) one, test and then production traffic move to
// it (in steps for linear and canary), lifecycle hooks run at their stages and may fail, time out or pause for a
// ContinueServiceDeployment; after the bake time the blue tasks stop. A failed hook or a StopServiceDeployment
// rolls back: production traffic returns to blue, which still runs, and the green tasks stop.
import { randomBytes } from 'node:crypto';
import { message, postEvent } from './events.js';
import type {
  DeploymentRecord,
  HookRecord,
  LifecycleHookConfig,
  ServiceDeploymentRecord,
  ServiceRecord,
  StageRun,
  StageStep,
  StrategyConfig,
} from './model.js';
import { type RolloutContext, complete, reconcile, scalePrimary, stopAndReport } from './rollout.js';
import { countsOf, stopByScheduler, tasksOf } from './tasks.js';

const MINUTE_MS = 60_000;
/** ECS's default hook timeout: 24 hours. */
const DEFAULT_HOOK_TIMEOUT_MINUTES = 1440;

export const stageReason = {
  hookFailed: (hook: HookRecord): string =>
    `Service deployment rolled back because the lifecycle hook ${hookName(hook)} failed at ${hook.stage}.`,
  hookTimedOut: (hook: HookRecord): string =>
    `Service deployment rolled back because the lifecycle hook ${hookName(hook)} timed out at ${hook.stage}.`,
  pauseRolledBack: (hook: HookRecord): string =>
    `Service deployment rolled back by ContinueServiceDeployment at the pause hook ${hook.hookId} (${hook.stage}).`,
  stopRequested: 'Service deployment rolled back because of a StopServiceDeployment request.',
} as const;

function hookName(hook: HookRecord): string {
  return hook.targetArn ?? `PAUSE ${hook.hookId}`;
}

export function stagesInProgress(record: ServiceDeploymentRecord | undefined): record is ServiceDeploymentRecord & { stages: StageRun } {
  return record?.stages !== undefined && (record.status === 'PENDING' || record.status === 'IN_PROGRESS');
}

/** The steps a deployment of this strategy goes through, in order. */
export function stepsOf(config: StrategyConfig, stageMs: number, reconcileFirst: boolean): StageStep[] {
  const step = (stage: string, extra: Partial<StageStep> = {}): StageStep => ({ stage, durationMs: stageMs, ...extra });
  const steps: StageStep[] = [];
  if (reconcileFirst) steps.push(step('RECONCILE_SERVICE'));
  steps.push(step('PRE_SCALE_UP'), step('SCALE_UP', { scaleUp: true }), step('POST_SCALE_UP'));
  steps.push(step('TEST_TRAFFIC_SHIFT', { testWeight: 100 }), step('POST_TEST_TRAFFIC_SHIFT'));
  const shares = productionShares(config);
  shares.forEach(({ weight, bakeMinutes }, index) => {
    const last = index === shares.length - 1;
    steps.push(step('PRE_PRODUCTION_TRAFFIC_SHIFT'));
    steps.push(step('PRODUCTION_TRAFFIC_SHIFT', { productionWeight: weight, durationMs: last ? stageMs : Math.max(stageMs, bakeMinutes * MINUTE_MS) }));
  });
  steps.push(step('POST_PRODUCTION_TRAFFIC_SHIFT'));
  steps.push(step('BAKE_TIME', { durationMs: Math.max(stageMs, (config.bakeTimeInMinutes ?? 0) * MINUTE_MS) }));
  steps.push(step('CLEAN_UP', { cleanUp: true }));
  return steps;
}

/** Production traffic on green after each step, and the bake time after it (ECS's defaults where unset). */
function productionShares(config: StrategyConfig): { weight: number; bakeMinutes: number }[] {
  if (config.strategy === 'LINEAR') {
    const step = config.linear?.stepPercent ?? 10;
    const bakeMinutes = config.linear?.stepBakeTimeInMinutes ?? 6;
    const shares: { weight: number; bakeMinutes: number }[] = [];
    for (let weight = step; weight < 100; weight += step) shares.push({ weight: Math.round(weight * 10) / 10, bakeMinutes });
    shares.push({ weight: 100, bakeMinutes: 0 });
    return shares;
  }
  if (config.strategy === 'CANARY') {
    return [
      { weight: config.canary?.canaryPercent ?? 5, bakeMinutes: config.canary?.canaryBakeTimeInMinutes ?? 10 },
      { weight: 100, bakeMinutes: 0 },
    ];
  }
  return [{ weight: 100, bakeMinutes: 0 }];
}

/** Called by UpdateService once the new deployment and its service deployment exist. */
export function startStages(
  context: RolloutContext,
  service: ServiceRecord,
  green: DeploymentRecord,
  sources: DeploymentRecord[],
  at: number,
): void {
  const record = green.serviceDeployment;
  if (!record) return;
  const blue = sources.find((deployment) => deployment.status === 'ACTIVE' && tasksOf(service, deployment.id).length > 0) ?? sources[0];
  const live = sources.filter((deployment) => tasksOf(service, deployment.id).length > 0);
  record.stages = {
    productionWeight: 0,
    testWeight: 0,
    hooks: [],
    blue,
    steps: stepsOf(service.strategy, context.timing.stageMs, live.length > 1),
    index: 0,
    begun: -1,
    begunAt: at,
    history: [],
    hookOutcomes: green.plan.tasks === 'healthy' ? (green.plan.hooks ?? {}) : {},
  };
  // Green starts no task before SCALE_UP.
  green.launchNotBefore = Number.POSITIVE_INFINITY;
  green.completeNotBefore = Number.POSITIVE_INFINITY;
  context.timeline.schedule(at + context.timing.stageMs / 2, (when) => {
    if (record.status !== 'PENDING') return;
    record.status = 'IN_PROGRESS';
    record.startedAt = when;
    record.updatedAt = when;
    advanceStages(context, service, record, when);
  });
}

/** The scheduler's pass while the stages run: green scales up from SCALE_UP on; nothing drains before CLEAN_UP. */
export function reconcileStages(context: RolloutContext, service: ServiceRecord, primary: DeploymentRecord, at: number): void {
  const record = primary.serviceDeployment;
  if (!stagesInProgress(record)) return;
  const scaling = record.stages.steps.findIndex((step) => step.scaleUp);
  if (record.stages.begun >= scaling && scaling >= 0) scalePrimary(context, service, primary, at);
  advanceStages(context, service, record, at);
}

/** Moves the run on as far as it can go at `at`; every timer and every task change comes back here. */
export function advanceStages(context: RolloutContext, service: ServiceRecord, record: ServiceDeploymentRecord, at: number): void {
  const run = record.stages;
  if (!run || record.status !== 'IN_PROGRESS') return;
  for (;;) {
    const step = run.steps[run.index];
    if (!step) {
      finish(service, record, at);
      return;
    }
    if (run.begun !== run.index) begin(context, service, record, run, step, at);
    const hooks = run.hooks.filter((hook) => hook.step === run.index);
    const failed = hooks.find((hook) => hook.status === 'FAILED' || (hook.status === 'TIMED_OUT' && hook.timeoutAction === 'ROLLBACK'));
    if (failed) {
      rollBackStages(context, service, record, at, failed.status === 'FAILED' ? stageReason.hookFailed(failed) : stageReason.hookTimedOut(failed), false);
      return;
    }
    const hooksDone = hooks.every((hook) => hook.status === 'SUCCEEDED' || hook.status === 'TIMED_OUT');
    const waited = at >= run.begunAt + step.durationMs;
    const scaled = !step.scaleUp || countsOf(service, record.target.id).serving >= record.target.desiredCount;
    if (!hooksDone || !waited || !scaled) return;
    run.index++;
  }
}

function begin(
  context: RolloutContext,
  service: ServiceRecord,
  record: ServiceDeploymentRecord,
  run: StageRun,
  step: StageStep,
  at: number,
): void {
  run.begun = run.index;
  run.begunAt = at;
  run.lifecycleStage = step.stage;
  run.history.push({ stage: step.stage, at });
  if (step.productionWeight !== undefined) run.productionWeight = step.productionWeight;
  if (step.testWeight !== undefined) run.testWeight = step.testWeight;
  record.updatedAt = at;
  const index = run.index;
  const again = (when: number): void => {
    if (run.index === index) advanceStages(context, service, record, when);
  };
  context.timeline.schedule(at + step.durationMs, again);
  if (step.scaleUp) {
    record.target.launchNotBefore = at;
    scalePrimary(context, service, record.target, at);
  }
  if (step.cleanUp) {
    const blueTasks = service.deployments.filter((d) => d !== record.target).flatMap((d) => tasksOf(service, d.id));
    stopAndReport(service, blueTasks, record.target.id, at);
  }
  for (const config of service.strategy.lifecycleHooks.filter((hook) => hook.lifecycleStages.includes(step.stage))) {
    const hook = startHook(config, step.stage, index, at);
    run.hooks.push(hook);
    const settleAs = (status: HookRecord['status']) => (when: number): void => {
      if (hook.status !== 'IN_PROGRESS' && hook.status !== 'AWAITING_ACTION') return;
      hook.status = status;
      record.updatedAt = when;
      again(when);
    };
    context.timeline.schedule(hook.expiresAt, settleAs('TIMED_OUT'));
    if (hook.targetType === 'AWS_LAMBDA') {
      const outcome = run.hookOutcomes[hook.targetArn ?? ''] ?? 'pass';
      if (outcome !== 'time-out') context.timeline.schedule(at + context.timing.hookMs, settleAs(outcome === 'pass' ? 'SUCCEEDED' : 'FAILED'));
    }
  }
}

function startHook(config: LifecycleHookConfig, stage: string, step: number, at: number): HookRecord {
  const pause = config.targetType === 'PAUSE';
  return {
    hookId: `ecs-${pause ? 'pause' : 'hook'}-${randomBytes(24).toString('base64url')}`,
    step,
    targetType: config.targetType,
    ...(config.hookTargetArn === undefined ? {} : { targetArn: config.hookTargetArn }),
    stage,
    status: pause ? 'AWAITING_ACTION' : 'IN_PROGRESS',
    expiresAt: at + (config.timeoutInMinutes ?? DEFAULT_HOOK_TIMEOUT_MINUTES) * MINUTE_MS,
    timeoutAction: config.timeoutAction ?? 'ROLLBACK',
  };
}

function finish(service: ServiceRecord, record: ServiceDeploymentRecord, at: number): void {
  const green = record.target;
  green.launchNotBefore = at;
  green.completeNotBefore = at;
  complete(service, green, at);
}

/**
 * Production traffic goes back to blue, whose tasks still run; green's tasks stop. `requested`: by
 * StopServiceDeployment, which passes through ROLLBACK_REQUESTED first.
 */
export function rollBackStages(
  context: RolloutContext,
  service: ServiceRecord,
  record: ServiceDeploymentRecord,
  at: number,
  reason: string,
  requested: boolean,
): void {
  const run = record.stages;
  if (!run) return;
  const blue = run.blue;
  record.status = requested ? 'ROLLBACK_REQUESTED' : 'ROLLBACK_IN_PROGRESS';
  record.statusReason = reason;
  record.updatedAt = at;
  if (blue) record.rollback = { reason, startedAt: at, serviceRevisionArn: blue.revisionArn };
  for (const hook of run.hooks) if (hook.status === 'AWAITING_ACTION' || hook.status === 'IN_PROGRESS') hook.status = 'FAILED';
  if (requested) {
    context.timeline.schedule(at + context.timing.stageMs / 2, (when) => {
      if (record.status !== 'ROLLBACK_REQUESTED') return;
      record.status = 'ROLLBACK_IN_PROGRESS';
      record.updatedAt = when;
    });
  }
  context.timeline.schedule(at + context.timing.rollbackMs, (when) => finishRollback(context, service, record, when));
}

function finishRollback(context: RolloutContext, service: ServiceRecord, record: ServiceDeploymentRecord, at: number): void {
  if (record.status !== 'ROLLBACK_IN_PROGRESS' && record.status !== 'ROLLBACK_REQUESTED') return;
  const run = record.stages;
  const green = record.target;
  const blue = run?.blue;
  for (const task of tasksOf(service, green.id)) stopByScheduler(task, at, blue?.id ?? green.id);
  green.status = 'INACTIVE';
  green.rolloutState = 'FAILED';
  green.rolloutStateReason = record.statusReason ?? 'Service deployment rolled back.';
  green.updatedAt = at;
  if (run) {
    run.productionWeight = 0;
    run.testWeight = 0;
  }
  if (blue) {
    postEvent(service, at, message.rollingBack(service.name, blue.id));
    blue.status = 'PRIMARY';
    blue.desiredCount = service.desiredCount;
    blue.updatedAt = at;
    service.deployments = [blue, ...service.deployments.filter((d) => d !== blue && d !== green)];
    service.taskDefinitionArn = blue.taskDefinitionArn;
  } else {
    service.deployments = service.deployments.filter((d) => d !== green);
  }
  record.status = 'ROLLBACK_SUCCESSFUL';
  record.finishedAt = at;
  record.updatedAt = at;
  service.steady = false;
  reconcile(context, service, at);
}

/** ContinueServiceDeployment: the pause hook goes on (CONTINUE) or the deployment rolls back (ROLLBACK). */
export function continueAtHook(
  context: RolloutContext,
  service: ServiceRecord,
  record: ServiceDeploymentRecord,
  hook: HookRecord,
  action: 'CONTINUE' | 'ROLLBACK',
  at: number,
): void {
  hook.status = 'SUCCEEDED';
  record.updatedAt = at;
  if (action === 'ROLLBACK') rollBackStages(context, service, record, at, stageReason.pauseRolledBack(hook), true);
  else advanceStages(context, service, record, at);
}
