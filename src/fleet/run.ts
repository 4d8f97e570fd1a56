// One run, of one service or of a services-file's many: read the inputs and the services, plan every service
// (nothing changes when one cannot be deployed), then apply the plans (apply-all.ts), or print them in a dry run.
// A run of one service is a services-file of one entry without the prefixes, the joined reads and the table.
import { setMaxListeners } from 'node:events';
import { batchingEcsApi } from '../aws/batched-reads.js';
import type { AwsSession } from '../aws/clients.js';
import { endedBy, throwIfCancelled } from '../cancel.js';
import type { Clock } from '../clock.js';
import { checkInputCombination, checkServicesFileOnlyInputs } from '../deploy/check-inputs.js';
import { imageAccess } from '../deploy/image-work.js';
import { planDeploy, type DeployPlan } from '../deploy/plan.js';
import type { EcsReads } from '../rollout/kind.js';
import { reportDryRun } from '../deploy/plan-report.js';
import { deliveryResult, newProgress } from '../deploy/result.js';
import { InputError, PreflightError } from '../errors.js';
import { parseInputs, type RawInputs } from '../inputs/parse.js';
import { INPUTS } from '../inputs/schema.js';
import { rawInputReader, type Invocation } from '../inputs/sources.js';
import { readStdin } from '../inputs/stdin.js';
import { unknownInputNames } from '../inputs/unknown-names.js';
import type { Reporter } from '../report.js';
import { openDryRunSession, openSession } from '../session.js';
import { planDeps, readsOf, type ImageAccess } from '../wiring.js';
import { applyAll } from './apply-all.js';
import { readEntries, singleService, wrongEntries } from './entries.js';
import { limiter } from './limit.js';
import { outcomeTable } from './outcome.js';
import { resultsSoFar, type RunState, type ServiceRun } from './state.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Services planned at once: enough to be quick, few enough not to be throttled. */
const PLAN_PARALLEL = 4;
const DEFAULT_MAX_LISTENERS = 10;
/** A call in flight (its retry wait and its request), a watcher's sleep or poll, and room for a rollback's calls. */
const LISTENERS_PER_SERVICE = 6;

export interface RunContext {
  invocation: Invocation;
  env: Env;
  reporter: Reporter;
  cancel: AbortSignal;
  clock: Clock;
  state: RunState;
}

/** Runs to the end; answers what stopped the run before its first change (bad input, a failed preflight), if anything. */
export async function deliver(ctx: RunContext): Promise<{ error?: unknown }> {
  const { state, cancel, reporter, env } = ctx;
  let sessions: { session: AwsSession; access: ImageAccess };
  try {
    const raw = await readRawInputs(ctx);
    const usual = parseInputs(raw);
    state.inputs = usual;
    if (usual.services.file) {
      state.many = true;
      state.runs = await readEntries(usual.services.file, raw, reporter, state.startedAt);
      // Every service's calls and waits in flight listen to the run's cancel: a few listeners per service is the
      // run's width, not a leak.
      setMaxListeners(Math.max(DEFAULT_MAX_LISTENERS, LISTENERS_PER_SERVICE * state.runs.length), cancel);
    } else {
      checkServicesFileOnlyInputs(raw);
      state.runs = [singleService(raw, usual, reporter, state.startedAt)];
      checkInputCombination(usual);
    }
    if (usual.dryRun) {
      await dryRun(ctx);
      return {};
    }
    const opened = await openSession(usual, env, reporter, cancel);
    state.region = opened.region;
    const session = state.many ? joinedReads(opened) : opened;
    const access = imageAccess(opened, reporter, cancel, env as NodeJS.ProcessEnv);
    await planAll(ctx, { ...readsOf(session), access });
    sessions = { session, access };
  } catch (caught) {
    return { error: endedBy(caught, cancel) };
  }
  await applyAll({ ...ctx, options: state.inputs.services, pollIntervalMs: state.inputs.pollIntervalMs }, sessions);
  if (state.many) reportTable(ctx);
  return {};
}

/** The raw inputs, with every secret among them masked before anything can print it. */
export async function readRawInputs({ invocation, env, reporter }: Pick<RunContext, 'invocation' | 'env' | 'reporter'>): Promise<RawInputs> {
  for (const warning of unknownInputNames(env, invocation.host)) reporter.warn(warning);
  const raw = rawInputReader(invocation, env, await readStdinInputs(invocation));
  for (const spec of INPUTS.filter((input) => input.secret)) {
    const value = raw(spec.name);
    if (value.trim()) reporter.mask(value.trim());
  }
  return raw;
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

interface Reads extends EcsReads {
  access: ImageAccess;
}

/**
 * Plans every service; when any cannot be deployed, nothing is changed. A services-file names each entry's
 * problem; a run of one service ends with its error as it is.
 */
async function planAll(ctx: RunContext, reads: Reads | undefined): Promise<void> {
  const { state, cancel, env } = ctx;
  const limit = limiter(PLAN_PARALLEL);
  const problems: string[] = [];
  let other: unknown;
  const planOne = async (run: ServiceRun): Promise<void> => {
    const access = reads ? { ...reads.access, reporter: run.reporter } : imageAccess(undefined, run.reporter, cancel, env as NodeJS.ProcessEnv);
    const deps = await planDeps(run.inputs, env, access, run.reporter, reads !== undefined);
    run.plan = (await planDeploy(deps, run.inputs, reads)) as DeployPlan;
  };
  await Promise.all(
    state.runs.map((run) =>
      limit(async () => {
        if (cancel.aborted) return;
        try {
          await planOne(run);
        } catch (error) {
          if (state.many && (error instanceof InputError || error instanceof PreflightError)) problems.push(`${run.where}: ${error.message}`);
          else other ??= error;
        }
      }),
    ),
  );
  throwIfCancelled(cancel);
  if (other !== undefined) throw other;
  if (problems.length > 0) throw wrongEntries(ctx.reporter, problems, state.runs.length, PreflightError);
}

async function dryRun(ctx: RunContext): Promise<void> {
  const { state, clock, env, reporter, cancel } = ctx;
  state.dryRun = true;
  const inputs = state.inputs;
  if (!inputs) return;
  const opened = await openDryRunSession(inputs, env, reporter, cancel);
  if (opened) state.region = opened.region;
  const session = opened && state.many ? joinedReads(opened) : opened;
  const access = imageAccess(opened, reporter, cancel, env as NodeJS.ProcessEnv);
  await planAll(ctx, session ? { ...readsOf(session), access } : undefined);
  for (const run of state.runs) {
    if (!run.plan) continue;
    await reportDryRun(run.reporter, run.plan);
    run.result = deliveryResult(run.plan, newProgress(), { startedAt: state.startedAt, finishedAt: clock.now(), dryRun: true });
  }
  if (state.many) reportTable(ctx);
}

/** The session with every DescribeServices and DescribeServiceDeployments batched, each cluster described once. */
function joinedReads(session: AwsSession): AwsSession {
  return { ...session, ecs: describedOncePerCluster(batchingEcsApi(session.ecs)) };
}

/** Each cluster is described once per run, however many of its services the preflight checks. */
function describedOncePerCluster(ecs: AwsSession['ecs']): AwsSession['ecs'] {
  const clusters = new Map<string, ReturnType<AwsSession['ecs']['describeCluster']>>();
  return {
    ...ecs,
    describeCluster: (cluster) => {
      const known = clusters.get(cluster);
      if (known) return known;
      const answer = ecs.describeCluster(cluster);
      clusters.set(cluster, answer);
      // A failed read is not kept: the next service's preflight asks again.
      answer.catch(() => clusters.delete(cluster));
      return answer;
    },
  };
}

function reportTable({ state, reporter, clock }: RunContext): void {
  reporter.info('');
  for (const line of outcomeTable(resultsSoFar(state, clock.now()))) reporter.info(line);
}
