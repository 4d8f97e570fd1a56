// What is known of a run so far, whether it deploys one service or a services-file: each service's inputs, plan,
// progress and result. It is what a cancel that cannot wait publishes.
import type { DeployPlan } from '../deploy/plan.js';
import { deliveryResult, notStartedResult, type DeliveryResult, type Progress } from '../deploy/result.js';
import type { Inputs, RawInputs } from '../inputs/parse.js';
import type { Reporter } from '../report.js';

/** One service on its way through the run. */
export interface ServiceRun {
  /** How messages name the entry of the services-file ("entry 2 (api)"); empty for a run of one service. */
  where: string;
  /** cluster/service, the prefix of its log lines in a services-file run. */
  prefix: string;
  raw: RawInputs;
  inputs: Inputs;
  reporter: Reporter;
  plan?: DeployPlan;
  progress: Progress;
  startedAt: number;
  result?: DeliveryResult;
  /** What ended its steps early (a failed step, a cancel); `result` still names what was done. */
  error?: unknown;
}

export interface RunState {
  startedAt: number;
  /** The run's inputs, once read (a services-file's entries start from them). */
  inputs?: Inputs;
  region?: string;
  /** Whether the run deploys a services-file: each service's lines are prefixed, and the run ends with a table. */
  many: boolean;
  runs: ServiceRun[];
  dryRun: boolean;
}

export function newRunState(startedAt: number): RunState {
  return { startedAt, many: false, runs: [], dryRun: false };
}

/** Every service's result as far as the run got; services that ended have theirs, the others what they did. */
export function resultsSoFar(state: RunState, now: number, error?: unknown): DeliveryResult[] {
  return state.runs.map((run) => {
    if (run.result) return run.result;
    if (!run.plan) {
      const region = state.region ?? run.inputs.region;
      return notStartedResult({ ...(region ? { region } : {}), cluster: run.inputs.cluster, service: run.inputs.service, image: run.inputs.image }, error, {
        startedAt: run.startedAt,
        finishedAt: now,
      });
    }
    return deliveryResult(run.plan, run.progress, { startedAt: run.startedAt, finishedAt: now, dryRun: state.dryRun, ...(error !== undefined ? { error } : {}) });
  });
}

/**
 * Whether a cancel now starts a rollback somewhere, which the cancel backstop must give time to: a service whose
 * update or watch is under way with rollback-on-cancel, or a CodeDeploy service (its cancel stops with rollback).
 */
export function rollsBackOnCancel(runs: readonly Pick<ServiceRun, 'plan' | 'progress'>[]): boolean {
  return runs.some((run) => {
    const update = run.plan?.update;
    const step = run.progress.step;
    return (step === 'update' || step === 'watch') && update?.kind?.undoesOnCancel(update) === true;
  });
}
