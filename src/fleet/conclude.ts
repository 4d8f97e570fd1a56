// How a run ends, of one service or of many: the result a host shows and publishes (outputs, job summary, dotenv
// report), the final line and the exit code. A services-file run sums its services up in one result; a run of
// one service is that service's result.
import { signalOf } from '../cancel.js';
import { familyRevision } from '../aws/names.js';
import { manyOutputs, outputsOf } from '../deploy/outputs.js';
import { notStartedResult, type DeliveryResult } from '../deploy/result.js';
import { EXIT, errorMessage, exitCodeFor } from '../errors.js';
import type { Host } from '../hosts/host.js';
import { fleetExitCode, runResult } from './outcome.js';
import { resultsSoFar, type RunState } from './state.js';

export interface Ending {
  result: DeliveryResult;
  /** A services-file run: each service's result; `result` then sums up the run. */
  services?: DeliveryResult[];
  error?: unknown;
}

/** The run as far as it got at `now`; `error` is what stopped it, if anything did. */
export function endingOf(state: RunState, now: number, error?: unknown): Ending {
  const services = resultsSoFar(state, now, error);
  if (state.many) {
    const failed = error !== undefined ? { error } : {};
    const region = state.region ?? state.inputs?.region ?? '';
    return { result: runResult(services, { startedAt: state.startedAt, finishedAt: now, dryRun: state.dryRun, region, ...failed }), services, ...failed };
  }
  const [result] = services;
  // A run of one service ends with what ended its steps, as a services-file's service ends with its result.
  const stepError = error ?? state.runs[0]?.error;
  return {
    result: result ?? notStartedResult({ ...(state.region ? { region: state.region } : {}) }, error, { startedAt: state.startedAt, finishedAt: now }),
    ...(stepError !== undefined ? { error: stepError } : {}),
  };
}

/** Writes the outputs, the summary and the dotenv report; answers the problem when they could not be written. */
export async function publish(host: Host, ending: Ending): Promise<string | undefined> {
  try {
    if (ending.services) await host.finish(ending.result, manyOutputs(ending.services), ending.services);
    else await host.finish(ending.result, outputsOf(ending.result));
    return undefined;
  } catch (error) {
    return `could not write the outputs: ${errorMessage(error)}`;
  }
}

/**
 * The final line and the exit code. `errorReported`: an error was already printed (and annotated) during the run,
 * such as the watcher's account of a failed rollout; the final line then does not annotate it a second time.
 */
export function conclude(host: Host, ending: Ending, cancel: AbortSignal, errorReported: boolean): number {
  if (ending.error !== undefined) {
    host.fail(errorMessage(ending.error));
    return exitCodeFor(ending.error);
  }
  const { result } = ending;
  const services = ending.services ?? [result];
  // CANCELLED without a signal: someone stopped the deployment outside this run, which is a failure of this run.
  const code = fleetExitCode(services, cancel.aborted ? signalOf(cancel) : undefined);
  if (code === EXIT.ok) {
    host.reporter.info(doneLine(result, ending.services));
    return code;
  }
  const line = `deployment ${result.deploymentStatus}${result.statusMessage ? `: ${result.statusMessage}` : ''}`;
  if (errorReported) host.reporter.info(line);
  else host.fail(line);
  return code;
}

function doneLine(result: DeliveryResult, services: readonly DeliveryResult[] | undefined): string {
  const seconds = Math.round((result.finishedAt - result.startedAt) / 100) / 10;
  if (services) return result.dryRun ? `Dry run of ${services.length} services done in ${seconds}s.` : `Done in ${seconds}s: ${services.length} services, each as it should be.`;
  const revision = familyRevision(result.taskDefinitionArn);
  if (result.dryRun) return `Dry run done in ${seconds}s.`;
  if (!result.service) return `Done in ${seconds}s: ${revision} ${result.registered ? 'registered' : 'reused'}.`;
  const state = result.deploymentStatus === 'COMPLETED' ? 'rollout completed' : result.deploymentStatus === 'PAUSED' ? 'paused' : 'not waited for';
  return `Done in ${seconds}s: ${result.service} runs ${revision}, ${state}.`;
}
