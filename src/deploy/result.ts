import type { Service } from '@aws-sdk/client-ecs';
import { consoleUrl } from '../aws/names.js';
import { CancelledError, errorMessage } from '../errors.js';
import type { RunTaskResult } from '../runtask/run-task.js';
import type { TaskDefinitionDocument } from '../taskdef/types.js';
import type { DeploymentStatus, FailureReport, PausedAt, RolloutTarget, WatchOutcome } from '../watch/contract.js';
import type { DeployPlan } from './plan.js';
import type { RegisteredRevision, RolloutProgress } from '../rollout/kind.js';
import { primaryImage } from './render.js';

/** Everything a host needs to tell the user what happened: outputs, the job summary, the final line. */
export interface DeliveryResult {
  dryRun: boolean;
  region: string;
  cluster: string;
  service?: string;
  image: string;
  imageDigest?: string;
  taskDefinitionArn: string;
  revision: number;
  registered: boolean;
  desiredCount?: number;
  deploymentId?: string;
  /** The CodeDeploy deployment this run created, for a service CodeDeploy deploys. */
  codeDeployDeploymentId?: string;
  /** The service deployment the update started (ListServiceDeployments / DescribeServiceDeployments). */
  serviceDeploymentArn?: string;
  /** Lifecycle stages the service deployment went through (blue/green, linear, canary). */
  stages?: string[];
  /** The wait ended once production traffic moved (wait-until traffic-shifted): bake time was still running. */
  bakeTimeRunning?: boolean;
  /** PAUSED: the PAUSE hook it waits at (wait-until paused). */
  paused?: PausedAt;
  deploymentStatus: DeploymentStatus;
  /** One line saying how the rollout ended, when it was watched. */
  statusMessage?: string;
  /** Lines describing what changed against the revision the service ran (values redacted). */
  diff: string[];
  startedAt: number;
  finishedAt: number;
  consoleUrl?: string;
  failure?: FailureReport;
  rolledBackTo?: string;
  /** The rollback operation asked for it: ROLLED_BACK is then what was meant, not a failure. */
  rollbackAsked?: boolean;
  deregistered: string[];
  /** The one-off task this run started before the service update, if any. */
  runTask?: OneOffTaskReport;
  /** An Express service: its URL and ARN. */
  endpoint?: string;
  serviceArn?: string;
}

/** How the one-off task ended, for the outputs and the job summary. */
export interface OneOffTaskReport {
  /** The container whose exit code decides. */
  container: string;
  status: RunTaskResult['status'];
  taskArn?: string;
  exitCode?: number;
  /** One line: what happened, with the exit code and the stopped reason. */
  line: string;
  /** The last lines its container logged (at most 20). */
  lastLogLines: readonly string[];
}

/** What apply has done so far; the result is built from the plan and this, also when a step failed. */
export interface Progress extends RolloutProgress {
  /** The task definition deployed, when rendered again with the pushed digest. */
  rendered?: TaskDefinitionDocument;
  changes?: string[];
  revision?: RegisteredRevision;
  runTask?: RunTaskResult;
  deregistered: string[];
}

export function newProgress(): Progress {
  return { step: 'plan', deregistered: [] };
}

export interface Ending {
  startedAt: number;
  finishedAt: number;
  dryRun: boolean;
  /** The error or cancel that ended the run early. */
  error?: unknown;
}

/** A service's result from its plan, what apply did, and how its steps ended (see notStartedResult for no plan). */
export function deliveryResult(plan: DeployPlan<Service | undefined>, done: Progress, ending: Ending): DeliveryResult {
  const td = plan.taskDefinition;
  const document = done.rendered ?? (td.kind === 'render' ? td.rendered : td.document);
  const revision = done.revision ?? (ending.dryRun ? plannedRevision(plan) : undefined);
  const update = plan.update;
  const target = done.target;
  return {
    dryRun: ending.dryRun,
    region: plan.region,
    cluster: plan.cluster,
    ...(update ? { service: update.service } : {}),
    image: done.image?.image || (document ? primaryImage(document, td.kind === 'render' ? td.containerName : '') : ''),
    ...(done.image?.digest ? { imageDigest: done.image.digest } : {}),
    taskDefinitionArn: revision?.arn ?? '',
    revision: revision?.revision ?? 0,
    registered: revision?.registered ?? false,
    ...(target && update ? { desiredCount: update.desiredCount ?? update.before?.desiredCount ?? 0 } : {}),
    ...(target?.deploymentId ? { deploymentId: target.deploymentId } : {}),
    ...(done.codeDeployDeploymentId ? { codeDeployDeploymentId: done.codeDeployDeploymentId } : {}),
    ...(done.express?.endpoint ? { endpoint: done.express.endpoint } : {}),
    ...(done.express?.serviceArn ? { serviceArn: done.express.serviceArn } : {}),
    ...serviceDeploymentOf(target, done.outcome),
    ...(target ? { consoleUrl: consoleUrl(plan.region, target.cluster, target.service) } : {}),
    ...statusOf(done, ending),
    ...(done.outcome?.failure ? { failure: done.outcome.failure } : {}),
    ...(done.outcome?.rolledBackTo ? { rolledBackTo: done.outcome.rolledBackTo } : {}),
    diff: done.changes ?? plan.changes,
    startedAt: ending.startedAt,
    finishedAt: ending.finishedAt,
    deregistered: done.deregistered,
    ...(plan.runTask && done.runTask ? { runTask: oneOffTaskReport(plan.runTask.container, done.runTask) } : {}),
  };
}

function serviceDeploymentOf(
  target: RolloutTarget | undefined,
  outcome: WatchOutcome | undefined,
): Pick<DeliveryResult, 'serviceDeploymentArn' | 'stages' | 'bakeTimeRunning' | 'paused'> {
  const arn = outcome?.serviceDeploymentArn ?? target?.serviceDeploymentArn;
  return {
    ...(arn ? { serviceDeploymentArn: arn } : {}),
    ...(outcome?.stages && outcome.stages.length > 0 ? { stages: outcome.stages } : {}),
    ...(outcome?.bakeTimeRunning ? { bakeTimeRunning: true } : {}),
    ...(outcome?.paused ? { paused: outcome.paused } : {}),
  };
}

function oneOffTaskReport(container: string, run: RunTaskResult): OneOffTaskReport {
  return {
    container,
    status: run.status,
    ...(run.taskArn ? { taskArn: run.taskArn } : {}),
    ...(run.exitCode !== undefined ? { exitCode: run.exitCode } : {}),
    line: run.line,
    lastLogLines: run.lastLogLines,
  };
}

function statusOf(done: Progress, ending: Ending): Pick<DeliveryResult, 'deploymentStatus' | 'statusMessage'> {
  if (ending.error !== undefined) {
    const deploymentStatus = ending.error instanceof CancelledError ? 'CANCELLED' : done.step === 'plan' ? 'NOT_STARTED' : 'FAILED';
    return { deploymentStatus, statusMessage: errorMessage(ending.error) };
  }
  if (done.outcome) return { deploymentStatus: done.outcome.status, statusMessage: done.outcome.message };
  return { deploymentStatus: 'SKIPPED' };
}

function plannedRevision(plan: DeployPlan<Service | undefined>): RegisteredRevision | undefined {
  const td = plan.taskDefinition;
  if (td.kind === 'existing') return { arn: td.arn, revision: td.revision, registered: false };
  return td.reuse ? { arn: td.reuse.arn, revision: td.reuse.revision, registered: false } : undefined;
}

/**
 * The result of a run that ended before a plan existed or before anything changed: bad input or a failed
 * preflight. What cannot be known stays empty.
 */
export function notStartedResult(
  known: { region?: string; cluster?: string; service?: string; image?: string },
  error: unknown,
  times: { startedAt: number; finishedAt: number },
): DeliveryResult {
  return {
    dryRun: false,
    region: known.region ?? '',
    cluster: known.cluster ?? '',
    ...(known.service ? { service: known.service } : {}),
    image: known.image ?? '',
    taskDefinitionArn: '',
    revision: 0,
    registered: false,
    deploymentStatus: error instanceof CancelledError ? 'CANCELLED' : 'NOT_STARTED',
    statusMessage: errorMessage(error),
    diff: [],
    ...times,
    deregistered: [],
  };
}
