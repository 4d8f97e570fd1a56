// Wires one run: host, inputs, AWS session, plan, apply, and how the run ends. Every ending (bad input, a
// failed preflight, a failed step, a cancel) publishes the outputs, the job summary and the dotenv report.
import { CANCEL_WITH_CHANGE_MS, abandonCallsInFlight, changesUnderway } from './aws/change.js';
import { familyRevision } from './aws/names.js';
import { systemClock } from './clock.js';
import { applyPlan, signalOf, throwIfCancelled } from './deploy/apply.js';
import { checkInputCombination } from './deploy/check-inputs.js';
import { imageAccess } from './deploy/image-work.js';
import { outputsOf } from './deploy/outputs.js';
import { planDeploy, type DeployPlan } from './deploy/plan.js';
import { reportDryRun } from './deploy/plan-report.js';
import { deliveryResult, newProgress, notStartedResult, type DeliveryResult, type Progress } from './deploy/result.js';
import { CancelledError, EXIT, InputError, errorMessage, exitCodeFor } from './errors.js';
import type { Host } from './hosts/host.js';
import { parseInputs, type Inputs, type RawInputs } from './inputs/parse.js';
import { INPUTS } from './inputs/schema.js';
import { rawInputReader, type Invocation } from './inputs/sources.js';
import { unknownInputNames } from './inputs/unknown-names.js';
import { readStdin } from './inputs/stdin.js';
import type { Reporter } from './report.js';
import { openDryRunSession, openSession } from './session.js';
import type { FleetState } from './fleet/run.js';
import { applyDeps, planDeps, readsOf } from './wiring.js';

type Env = Readonly<Record<string, string | undefined>>;

/** How long a cancelled run may take to stop by itself before the outputs are written and it exits anyway. */
const CANCEL_BACKSTOP_MS = 1_800;
/** During the watch with rollback-on-cancel the watcher waits up to about 10 s for the rollback's answer. */
const CANCEL_BACKSTOP_ROLLBACK_MS = 12_000;

interface Ending {
  result: DeliveryResult;
  error?: unknown;
  /** A run of many services (services-file): each service's result; `result` then sums up the run. */
  services?: DeliveryResult[];
}

/** What is known of the run so far: what a cancel that cannot wait publishes. */
interface RunState {
  startedAt: number;
  inputs?: Inputs;
  region?: string;
  plan?: DeployPlan;
  progress: Progress;
  published: boolean;
  /** Set for a run of many services (services-file). */
  fleet?: FleetState;
}

export async function main(invocation: Invocation, env: Env = process.env): Promise<number> {
  const host = await createHost(invocation, env);
  const errors = countErrors(host.reporter);
  const reporter = errors.reporter;
  const state: RunState = { startedAt: systemClock.now(), progress: newProgress(), published: false };
  const cancel = new AbortController();
  const stopListening = listenForCancel(cancel, reporter.warn, (signal) => {
    // With rollback-on-cancel (and for CodeDeploy, always) a cancel during the update or the watch undoes what the
    // update started, also when its answer was lost; the answer to that one call is waited for too.
    const update = state.plan?.update;
    const step = state.progress.step;
    const rollingBack = state.fleet
      ? state.fleet.rollsBackOnCancel
      : (step === 'update' || step === 'watch') && (update?.watch?.rollbackOnCancel === true || update?.codeDeploy !== undefined);
    const backstopMs = rollingBack ? CANCEL_BACKSTOP_ROLLBACK_MS : changesUnderway() > 0 ? CANCEL_WITH_CHANGE_MS : CANCEL_BACKSTOP_MS;
    return setTimeout(() => void endCancelledRun(host, state, signal), backstopMs);
  });
  try {
    const ending = await run(invocation, env, reporter, cancel.signal, state);
    const published = await publish(host, state, ending.result, ending.services);
    if (ending.error !== undefined) {
      host.fail(errorMessage(ending.error));
      return exitCodeFor(ending.error);
    }
    const code = ending.services
      ? await concludeFleet(host, ending.result, ending.services, cancel.signal, errors.count() > 0)
      : concludeRun(host, ending.result, cancel.signal, errors.count() > 0);
    if (published !== undefined && code === EXIT.ok) {
      host.fail(published);
      return EXIT.failed;
    }
    return code;
  } finally {
    stopListening();
    abandonCallsInFlight();
  }
}

async function run(invocation: Invocation, env: Env, reporter: Reporter, cancel: AbortSignal, state: RunState): Promise<Ending> {
  try {
    for (const warning of unknownInputNames(env, invocation.host)) reporter.warn(warning);
    const stdinValues = await readStdinInputs(invocation);
    const raw = rawInputReader(invocation, env, stdinValues);
    for (const spec of INPUTS.filter((input) => input.secret)) {
      const value = raw(spec.name);
      if (value.trim()) reporter.mask(value.trim());
    }
    const inputs = parseInputs(raw);
    state.inputs = inputs;
    if (raw('services-file').trim() !== '') return await runFleet(raw, inputs, env, reporter, cancel, state);
    checkInputCombination(inputs);
    if (inputs.dryRun) return await dryRun(inputs, env, reporter, cancel, state);

    const session = await openSession(inputs, env, reporter, cancel);
    state.region = session.region;
    const access = imageAccess(session, reporter, cancel, env as NodeJS.ProcessEnv);
    const plan = await planDeploy(await planDeps(inputs, env, access, reporter, true), inputs, readsOf(session));
    state.plan = plan;
    throwIfCancelled(cancel);
    return await applyPlan(
      applyDeps({ session, access, reporter, clock: systemClock, cancel }),
      plan,
      state.startedAt,
      state.progress,
    );
  } catch (caught) {
    const error = cancel.aborted && !(caught instanceof CancelledError) ? new CancelledError(signalOf(cancel)) : caught;
    return { result: resultSoFar(state, error), error };
  }
}

async function dryRun(inputs: Inputs, env: Env, reporter: Reporter, cancel: AbortSignal, state: RunState): Promise<Ending> {
  const session = await openDryRunSession(inputs, env, reporter, cancel);
  if (session) state.region = session.region;
  const access = imageAccess(session, reporter, cancel, env as NodeJS.ProcessEnv);
  const deps = await planDeps(inputs, env, access, reporter, session !== undefined);
  const plan = await planDeploy(deps, inputs, session ? readsOf(session) : undefined);
  await reportDryRun(reporter, plan);
  return { result: deliveryResult(plan, newProgress(), { startedAt: state.startedAt, finishedAt: systemClock.now(), dryRun: true }) };
}

/** A run of many services: loaded only when services-file is given. */
async function runFleet(raw: RawInputs, usual: Inputs, env: Env, reporter: Reporter, cancel: AbortSignal, state: RunState): Promise<Ending> {
  const [{ runFleet: run, newFleetState }, { fleetOptions }, outcome] = await Promise.all([
    import('./fleet/run.js'),
    import('./fleet/options.js'),
    import('./fleet/outcome.js'),
  ]);
  const options = fleetOptions(raw);
  const fleet = newFleetState(state.startedAt);
  state.fleet = fleet;
  const ending = await run({ usualRaw: raw, usual, options, env, reporter, cancel, clock: systemClock, state: fleet });
  const times = { startedAt: state.startedAt, finishedAt: systemClock.now(), dryRun: fleet.dryRun, region: fleet.region ?? usual.region };
  const result = outcome.runResult(ending.results, { ...times, ...(ending.error !== undefined ? { error: ending.error } : {}) });
  return { result, services: ending.results, ...(ending.error !== undefined ? { error: ending.error } : {}) };
}

function resultSoFar(state: RunState, error: unknown): DeliveryResult {
  const finishedAt = systemClock.now();
  if (state.plan) return deliveryResult(state.plan, state.progress, { startedAt: state.startedAt, finishedAt, dryRun: false, error });
  const inputs = state.inputs;
  const region = state.region ?? inputs?.region;
  return notStartedResult(
    {
      ...(region ? { region } : {}),
      ...(inputs ? { cluster: inputs.cluster, service: inputs.service, image: inputs.image } : {}),
    },
    error,
    { startedAt: state.startedAt, finishedAt },
  );
}

/** Writes the outputs, the summary and the dotenv report once; answers the problem when they could not be written. */
async function publish(host: Host, state: RunState, result: DeliveryResult, services?: readonly DeliveryResult[]): Promise<string | undefined> {
  if (state.published) return undefined;
  state.published = true;
  try {
    if (services) {
      const { fleetOutputs } = await import('./fleet/outcome.js');
      await host.finish(result, fleetOutputs(services), services);
    } else await host.finish(result, outputsOf(result));
    return undefined;
  } catch (error) {
    return `could not write the outputs: ${errorMessage(error)}`;
  }
}

/** The backstop after a signal: the run did not stop in time (a call that ignores the cancel), so end it here. */
async function endCancelledRun(host: Host, state: RunState, signal: 'SIGINT' | 'SIGTERM'): Promise<void> {
  const error = new CancelledError(signal);
  host.reporter.warn(`the run did not stop by itself after ${signal}: ending it with what is known.`);
  if (state.fleet) {
    const [{ resultsSoFar }, { runResult }] = await Promise.all([import('./fleet/run.js'), import('./fleet/outcome.js')]);
    const services = resultsSoFar(state.fleet, systemClock.now(), error);
    const region = state.fleet.region ?? state.inputs?.region ?? '';
    await publish(host, state, runResult(services, { startedAt: state.startedAt, finishedAt: systemClock.now(), dryRun: false, region }), services);
  } else await publish(host, state, resultSoFar(state, error));
  host.fail(errorMessage(error));
  process.exit(exitCodeFor(error));
}

/**
 * `errorReported`: an error was already printed (and annotated) during the run, such as the watcher's account
 * of a failed rollout; the final line then does not annotate it a second time.
 */
function concludeRun(host: Host, result: DeliveryResult, cancel: AbortSignal, errorReported: boolean): number {
  const status = result.deploymentStatus;
  if (status === 'COMPLETED' || status === 'SKIPPED') {
    host.reporter.info(doneLine(result));
    return EXIT.ok;
  }
  const line = `deployment ${status}${result.statusMessage ? `: ${result.statusMessage}` : ''}`;
  if (errorReported) host.reporter.info(line);
  else host.fail(line);
  // CANCELLED without a signal: someone stopped the deployment outside this run, which is a failure of this run.
  if (status === 'CANCELLED' && cancel.aborted) return signalOf(cancel) === 'SIGINT' ? EXIT.sigint : EXIT.sigterm;
  return EXIT.failed;
}

/** A run of many services ends well only when every service did; the table above says which did not. */
async function concludeFleet(host: Host, result: DeliveryResult, services: readonly DeliveryResult[], cancel: AbortSignal, errorReported: boolean): Promise<number> {
  const { fleetExitCode } = await import('./fleet/outcome.js');
  const seconds = Math.round((result.finishedAt - result.startedAt) / 100) / 10;
  const code = fleetExitCode(services, cancel.aborted ? signalOf(cancel) : undefined);
  if (code === EXIT.ok) {
    host.reporter.info(result.dryRun ? `Dry run of ${services.length} services done in ${seconds}s.` : `Done in ${seconds}s: ${services.length} services, each as it should be.`);
    return code;
  }
  const line = `deployment ${result.deploymentStatus}${result.statusMessage ? `: ${result.statusMessage}` : ''}`;
  if (errorReported) host.reporter.info(line);
  else host.fail(line);
  return code;
}

function doneLine(result: DeliveryResult): string {
  const seconds = Math.round((result.finishedAt - result.startedAt) / 100) / 10;
  const revision = familyRevision(result.taskDefinitionArn);
  if (result.dryRun) return `Dry run done in ${seconds}s.`;
  if (!result.service) return `Done in ${seconds}s: ${revision} ${result.registered ? 'registered' : 'reused'}.`;
  const state = result.deploymentStatus === 'COMPLETED' ? 'rollout completed' : 'not waited for';
  return `Done in ${seconds}s: ${result.service} runs ${revision}, ${state}.`;
}

/** The host's reporter, counting the errors printed through it. */
function countErrors(inner: Reporter): { reporter: Reporter; count(): number } {
  let errors = 0;
  const reporter: Reporter = {
    info: (line) => inner.info(line),
    warn: (line) => inner.warn(line),
    error: (line) => {
      errors += 1;
      inner.error(line);
    },
    group: (title, body) => inner.group(title, body),
    mask: (secret) => inner.mask(secret),
  };
  return { reporter, count: () => errors };
}

async function createHost(invocation: Invocation, env: Env): Promise<Host> {
  const color = Boolean(process.stdout.isTTY) && !('NO_COLOR' in env);
  if (invocation.host === 'github-action') return (await import('./hosts/github.js')).githubHost();
  const options = { json: invocation.json, color, env };
  if (invocation.host === 'gitlab') return (await import('./hosts/gitlab.js')).gitlabHost(options);
  return (await import('./hosts/shell.js')).shellHost(options);
}

async function readStdinInputs(invocation: Invocation): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  if (invocation.stdinInputs.length === 0) return values;
  const [name] = invocation.stdinInputs;
  if (invocation.stdinInputs.length > 1 || !name) {
    throw new InputError(`only one --<name>-stdin flag can read standard input; got ${invocation.stdinInputs.map((n) => `--${n}-stdin`).join(', ')}.`);
  }
  values.set(name, (await readStdin()).replace(/\r?\n$/, ''));
  return values;
}

/**
 * The first signal cancels the run and arms the backstop; a second one exits at once, saying so.
 * `armBackstop` answers the timer, cleared when the run ends by itself.
 */
function listenForCancel(
  cancel: AbortController,
  warn: (line: string) => void,
  armBackstop: (signal: 'SIGINT' | 'SIGTERM') => NodeJS.Timeout,
): () => void {
  let backstop: NodeJS.Timeout | undefined;
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => () => {
    const code = signal === 'SIGINT' ? EXIT.sigint : EXIT.sigterm;
    if (cancel.signal.aborted) {
      warn(`${signal} received again: exiting now, without writing the outputs.`);
      process.exit(code);
    }
    warn(`${signal} received: stopping.`);
    cancel.abort(signal);
    backstop = armBackstop(signal);
  };
  const onInt = onSignal('SIGINT');
  const onTerm = onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return () => {
    clearTimeout(backstop);
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  };
}
