// A run of many services from a services-file, on the single-service plan and apply steps: every entry is read
// and planned first (nothing changes when one is wrong). Then each service goes through its own steps, max-parallel
// at a time: its image (each distinct image is published once), its revision (each distinct document registered
// once), its one-off task, the update and the watch, the watchers' polls joined into batched reads on a shared
// tick. on-failure decides what one failure does to the others; a family several services deploy is tidied by
// keep-revisions once the last of them has ended.
import { setMaxListeners } from 'node:events';
import { resolve } from 'node:path';
import type { AwsSession } from '../aws/clients.js';
import { batchingEcsApi } from '../aws/batched-reads.js';
import { familyRevision, resourceName, sameRevision } from '../aws/names.js';
import type { Clock } from '../clock.js';
import { applyPlan, signalOf, type ApplyDeps, type ApplyPart } from '../deploy/apply.js';
import { checkInputCombination } from '../deploy/check-inputs.js';
import { imageAccess, type ImageWork } from '../deploy/image-work.js';
import { keepRevisions, type KeepRevisionsRequest } from '../deploy/keep-revisions.js';
import { planDeploy, type DeployPlan, type EcsReads } from '../deploy/plan.js';
import { reportDryRun } from '../deploy/plan-report.js';
import { deliveryResult, newProgress, notStartedResult, type DeliveryResult, type Progress } from '../deploy/result.js';
import { CancelledError, InputError, PreflightError, errorMessage } from '../errors.js';
import type { PreparedImage } from '../image/prepare.js';
import { parseInputs, type Inputs, type RawInputs } from '../inputs/parse.js';
import { INPUTS } from '../inputs/schema.js';
import type { Reporter } from '../report.js';
import { openDryRunSession, openSession } from '../session.js';
import { needsYaml, readTaskDefinitionFile } from '../taskdef/parse-file.js';
import type { DeploymentStatus, RolloutTarget } from '../watch/contract.js';
import { applyDeps, planDeps, publishImages, readsOf, type ImageAccess } from '../wiring.js';
import { limiter } from './limit.js';
import type { FleetOptions } from './options.js';
import { familyTidying, type FamilyUser } from './family-tidying.js';
import { endedWell, outcomeTable } from './outcome.js';
import { prefixedReporter } from './prefixed-reporter.js';
import { sharedRegistrations } from './registrations.js';
import { entryInputs, entryLabel, parseServicesFile } from './services-file.js';
import { sharedTickClock } from './shared-tick.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Entries planned at once: enough to be quick, few enough not to be throttled. */
const PLAN_PARALLEL = 4;
const DEFAULT_MAX_LISTENERS = 10;
/** A call in flight (its retry wait and its request), a watcher's sleep or poll, and room for a rollback's calls. */
const LISTENERS_PER_SERVICE = 6;

export interface FleetContext {
  usualRaw: RawInputs;
  usual: Inputs;
  options: FleetOptions;
  env: Env;
  reporter: Reporter;
  cancel: AbortSignal;
  clock: Clock;
  state: FleetState;
}

/** One entry of the file on its way through the run. */
export interface ServiceRun {
  /** How the file names the entry in messages. */
  where: string;
  /** cluster/service, the prefix of its log lines. */
  prefix: string;
  raw: RawInputs;
  inputs: Inputs;
  reporter: Reporter;
  plan?: DeployPlan;
  progress: Progress;
  startedAt: number;
  result?: DeliveryResult;
}

/** What is known of the run so far: what a cancel that cannot wait publishes. */
export interface FleetState {
  startedAt: number;
  region?: string;
  runs: ServiceRun[];
  dryRun: boolean;
  /** Whether a cancel starts rollbacks (see rollsBackOnCancel), which a backstop must give time to. */
  rollsBackOnCancel: boolean;
}

export function newFleetState(startedAt: number): FleetState {
  return { startedAt, runs: [], dryRun: false, rollsBackOnCancel: false };
}

export interface FleetEnding {
  results: DeliveryResult[];
  /** What stopped the run before its first change (bad input, a failed preflight, no session). */
  error?: unknown;
}

/** Every service's result as far as the run got; services that ended have theirs, the others what they did. */
export function resultsSoFar(state: FleetState, now: number, error?: unknown): DeliveryResult[] {
  return state.runs.map((run) => {
    if (run.result) return run.result;
    if (!run.plan) {
      return notStartedResult({ ...(state.region ? { region: state.region } : {}), cluster: run.inputs.cluster, service: run.inputs.service, image: run.inputs.image }, error, {
        startedAt: run.startedAt,
        finishedAt: now,
      });
    }
    return deliveryResult(run.plan, run.progress, { startedAt: run.startedAt, finishedAt: now, dryRun: state.dryRun, ...(error !== undefined ? { error } : {}) });
  });
}

export async function runFleet(ctx: FleetContext): Promise<FleetEnding> {
  const { state, clock } = ctx;
  let sessions: Sessions;
  try {
    state.runs = await readEntries(ctx);
    // Every service's calls and waits in flight listen to the run's cancel: a few listeners per service is the
    // run's width, not a leak.
    setMaxListeners(Math.max(DEFAULT_MAX_LISTENERS, LISTENERS_PER_SERVICE * state.runs.length), ctx.cancel);
    state.rollsBackOnCancel = rollsBackOnCancel(state.runs);
    if (ctx.usual.dryRun) return await dryRun(ctx);
    const opened = await openSession(ctx.usual, ctx.env, ctx.reporter, ctx.cancel);
    state.region = opened.region;
    // Every watcher's DescribeServices and DescribeServiceDeployments go through one batching wrapper.
    const session = joinedReads(opened);
    const access = imageAccess(opened, ctx.reporter, ctx.cancel, ctx.env as NodeJS.ProcessEnv);
    await planAll(ctx, (run) => ({ ...readsOf(session), access: accessFor(access, run) }));
    state.rollsBackOnCancel = rollsBackOnCancel(state.runs);
    sessions = { batched: session, access };
  } catch (caught) {
    const error = ctx.cancel.aborted && !(caught instanceof CancelledError) ? new CancelledError(signalOf(ctx.cancel)) : caught;
    return { results: resultsSoFar(state, clock.now(), error), error };
  }
  return await applyAll(ctx, sessions);
}

/**
 * Whether a cancel starts a rollback anywhere: rollback-on-cancel on a service, or a planned CodeDeploy service,
 * whose cancel always stops its deployment with rollback.
 */
export function rollsBackOnCancel(runs: readonly Pick<ServiceRun, 'inputs' | 'plan'>[]): boolean {
  return runs.some((run) => run.inputs.rollbackOnCancel || run.plan?.update?.codeDeploy !== undefined);
}

async function readEntries(ctx: FleetContext): Promise<ServiceRun[]> {
  const path = ctx.options.servicesFile;
  const text = readTaskDefinitionFile(resolve(path), path, 'services-file');
  const file = parseServicesFile(text, path, needsYaml(text) ? await import('yaml') : undefined);
  const runs: ServiceRun[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const entry of file.entries) {
    const where = entryLabel(file, entry);
    try {
      const raw = entryInputs(file, entry, ctx.usualRaw);
      const inputs = parseInputs(raw);
      checkInputCombination(inputs);
      const prefix = inputs.service ? `${resourceName(inputs.cluster)}/${inputs.service}` : `${resourceName(inputs.cluster)}/${inputs.family || `entry ${entry.number}`}`;
      if (inputs.service) {
        const key = serviceKey(inputs);
        const first = seen.get(key);
        if (first) throw new InputError(`service ${inputs.service} in cluster ${inputs.cluster} is already deployed by ${first}; keep one entry per service.`);
        seen.set(key, `entry ${entry.number}`);
      }
      runs.push({ where, prefix, raw, inputs, reporter: prefixedReporter(ctx.reporter, prefix), progress: newProgress(), startedAt: ctx.state.startedAt });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(`${where}: ${error.message}`);
    }
  }
  if (problems.length > 0) throw wrongEntries(ctx.reporter, problems, file.entries.length, InputError);
  return runs;
}

/** One service however written: `web` and `arn:aws:ecs:...:service/prod/web` in cluster prod (or its ARN) are the same. */
export function serviceKey(inputs: Pick<Inputs, 'cluster' | 'service'>): string {
  return `${resourceName(inputs.cluster)}/${resourceName(inputs.service)}`;
}

function wrongEntries(reporter: Reporter, problems: readonly string[], total: number, kind: typeof InputError | typeof PreflightError): Error {
  if (problems.length === 1) return new kind(problems[0] ?? '');
  for (const problem of problems) reporter.error(problem);
  return new kind(`${problems.length} of ${total} entries of the services-file are wrong (each named above); nothing was changed.`);
}

interface Reads extends EcsReads {
  access: ImageAccess;
}

/** Plans every entry; when any cannot be deployed, nothing is changed and each problem is named. */
async function planAll(ctx: FleetContext, readsFor: (run: ServiceRun) => Reads | undefined): Promise<void> {
  const limit = limiter(PLAN_PARALLEL);
  const problems: string[] = [];
  let other: unknown;
  await Promise.all(
    ctx.state.runs.map((run) =>
      limit(async () => {
        if (ctx.cancel.aborted) return;
        const reads = readsFor(run);
        try {
          const deps = await planDeps(run.inputs, ctx.env, reads?.access ?? imageAccess(undefined, run.reporter, ctx.cancel, ctx.env as NodeJS.ProcessEnv), run.reporter, reads !== undefined);
          run.plan = (await planDeploy(deps, run.inputs, reads ? { ecs: reads.ecs, region: reads.region, ...(reads.codeDeploy ? { codeDeploy: reads.codeDeploy } : {}) } : undefined)) as DeployPlan;
        } catch (error) {
          if (error instanceof InputError || error instanceof PreflightError) problems.push(`${run.where}: ${error.message}`);
          else other ??= error;
        }
      }),
    ),
  );
  if (ctx.cancel.aborted) throw new CancelledError(signalOf(ctx.cancel));
  if (other !== undefined) throw other;
  if (problems.length > 0) throw wrongEntries(ctx.reporter, problems, ctx.state.runs.length, PreflightError);
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

function accessFor(access: ImageAccess, run: ServiceRun): ImageAccess {
  return { ...access, reporter: run.reporter };
}

async function dryRun(ctx: FleetContext): Promise<FleetEnding> {
  const { state, clock } = ctx;
  state.dryRun = true;
  const opened = await openDryRunSession(ctx.usual, ctx.env, ctx.reporter, ctx.cancel);
  if (opened) state.region = opened.region;
  const session = opened ? joinedReads(opened) : undefined;
  const access = imageAccess(opened, ctx.reporter, ctx.cancel, ctx.env as NodeJS.ProcessEnv);
  await planAll(ctx, (run) => (session ? { ...readsOf(session), access: accessFor(access, run) } : undefined));
  for (const run of state.runs) {
    if (!run.plan) continue;
    await reportDryRun(run.reporter, run.plan);
    run.result = deliveryResult(run.plan, newProgress(), { startedAt: state.startedAt, finishedAt: clock.now(), dryRun: true });
  }
  const results = resultsSoFar(state, clock.now());
  reportTable(ctx.reporter, results);
  return { results };
}

/**
 * The steps that change things, once every entry has a plan. Each service goes through its own steps (image,
 * register, one-off task, update, watch), max-parallel at a time, waiting only for the image it needs.
 */
async function applyAll(ctx: FleetContext, session: Sessions): Promise<FleetEnding> {
  const { state, clock, options, reporter } = ctx;
  const runs = state.runs;
  const access = session.access;
  const watchClock = sharedTickClock(clock, ctx.usual.pollIntervalMs);
  const images = publishDistinctImages(ctx, access);
  const registerOnce = sharedRegistrations();
  const users = new Map(runs.filter((run) => run.plan).map((run) => [run, familyUser(run)] as const));
  const tidying = familyTidying([...users.values()], {
    keepRevisions: (request) => keepRevisions({ ecs: session.batched.ecs, clock, reporter }, request),
    reporter,
    cancel: ctx.cancel,
  });

  const apply = async (run: ServiceRun, part: ApplyPart, plan: DeployPlan, progress: Progress, startedAt: number) => {
    const user = users.get(run);
    const deps: ApplyDeps = {
      ...applyDeps({
        session: session.batched,
        access: accessFor(access, run),
        reporter: run.reporter,
        clock,
        watchClock,
        // The first poll falls on the tick too, so every poll of the run is joined with the others.
        beforeWatch: (cancel) => watchClock.sleep(0, cancel),
        cancel: ctx.cancel,
        publishImage: async (work: ImageWork) => images.get(imageKey(work)) ?? publishImages(accessFor(access, run), work),
      }),
      registerOnce: registerOnce(run.prefix),
      ...(user && tidying.shared(user.family) ? { deferKeepRevisions: (request: KeepRevisionsRequest) => tidying.asked(user, request) } : {}),
    };
    return applyPlan(deps, plan, startedAt, progress, part);
  };

  // Written from the callbacks below, so kept in an object the compiler does not narrow.
  const failure: { first?: ServiceRun } = {};
  const holdBack = (): ServiceRun | undefined => (options.onFailure !== 'continue' ? failure.first : undefined);
  const deployLimit = limiter(options.maxParallel ?? Math.max(1, runs.length));
  if (options.maxParallel !== undefined && options.maxParallel < runs.length) {
    reporter.info(`Deploying ${options.maxParallel} services at a time (max-parallel), ${runs.length} in all.`);
  }
  const deliver = async (run: ServiceRun, plan: DeployPlan): Promise<void> => {
    run.startedAt = clock.now();
    for (const part of ['prepare', 'deploy'] as const) {
      // on-failure stop and rollback-all: no service is updated after another failed.
      const failed = holdBack();
      if (failed) {
        run.result = heldBack(run, plan, failed, options.onFailure, clock.now());
        return;
      }
      const applied = await apply(run, part, plan, run.progress, run.startedAt);
      run.result = applied.result;
      if (applied.error !== undefined || (part === 'deploy' && !endedWell(applied.result))) {
        failure.first ??= run;
        return;
      }
    }
  };
  await Promise.all(
    runs.map((run) =>
      deployLimit(async () => {
        const plan = run.plan;
        if (!plan) return;
        try {
          await deliver(run, plan);
        } finally {
          const user = users.get(run);
          if (user) await tidying.ended(user);
        }
      }),
    ),
  );

  if (options.onFailure === 'rollback-all' && failure.first && !ctx.cancel.aborted) {
    await rollBackAll(ctx, failure.first, async (run, plan, progress) => apply(run, 'all', plan, progress, clock.now()), session.batched, access);
  }
  const results = resultsSoFar(state, clock.now());
  reportTable(reporter, results);
  return { results };
}

/** A service as its family's tidying sees it. */
function familyUser(run: ServiceRun): FamilyUser {
  const plan = run.plan;
  return {
    family: plan?.taskDefinition.family ?? '',
    keeps: () => [run.progress.revision?.arn, plan?.update?.before.taskDefinition].filter((arn): arn is string => arn !== undefined),
    tidied: (deregistered) => {
      run.progress.deregistered = [...deregistered];
      if (run.result) run.result = { ...run.result, deregistered: [...deregistered] };
    },
  };
}

interface Sessions {
  /** The run's session with its ECS reads joined (joinedReads). */
  batched: AwsSession;
  /** Registries, ECR through the session as opened. */
  access: ImageAccess;
}

/** The session with every DescribeServices and DescribeServiceDeployments batched, each cluster described once. */
function joinedReads(session: AwsSession): AwsSession {
  return { ...session, ecs: describedOncePerCluster(batchingEcsApi(session.ecs)) };
}

/**
 * A blue/green, linear, canary or CodeDeploy deployment that completed cannot be undone: going back is a new
 * deployment of the previous revision, with its own stages or lifecycle events.
 */
function putBackLine(run: ServiceRun, target: RolloutTarget, to: string): string {
  const service = run.inputs.service;
  const deployed = familyRevision(target.taskDefinitionArn);
  const completed = run.result?.deploymentStatus === 'COMPLETED';
  if (run.plan?.update?.codeDeploy) {
    return `a new CodeDeploy deployment puts ${service} back on ${to}${completed ? `; the completed CodeDeploy deployment of ${deployed} is not undone` : ''}.`;
  }
  if (target.strategy && target.strategy !== 'ROLLING') {
    const kind = target.strategy === 'BLUE_GREEN' ? 'blue/green' : target.strategy.toLowerCase();
    return `a new ${kind} service deployment puts ${service} back on ${to}, through its stages again${completed ? `; the completed deployment of ${deployed} is not undone` : ''}.`;
  }
  return `a new rolling deployment puts ${service} back on ${to}.`;
}

function heldBack(run: ServiceRun, plan: DeployPlan, failed: ServiceRun, onFailure: FleetOptions['onFailure'], at: number): DeliveryResult {
  const why = `not started: on-failure is ${onFailure} and ${failed.prefix} ${failed.result?.deploymentStatus ?? 'FAILED'}`;
  run.reporter.warn(why);
  return {
    ...deliveryResult(plan, run.progress, { startedAt: at, finishedAt: at, dryRun: false }),
    deploymentStatus: 'NOT_STARTED',
    statusMessage: why,
  };
}

/** Each distinct image published once, max-parallel-builds at a time, keyed by what is built and where it goes. */
function publishDistinctImages(ctx: FleetContext, access: ImageAccess): Map<string, Promise<PreparedImage>> {
  const limit = limiter(ctx.options.maxParallelBuilds);
  const images = new Map<string, Promise<PreparedImage>>();
  const users = new Map<string, string[]>();
  for (const run of ctx.state.runs) {
    const work = run.plan?.image;
    if (!work?.main) continue;
    const key = imageKey(work);
    users.set(key, [...(users.get(key) ?? []), run.prefix]);
    if (!images.has(key)) images.set(key, limit(() => publishImages(accessFor(access, run), work)));
  }
  for (const [key, names] of users) {
    if (names.length > 1) ctx.reporter.info(`Image ${JSON.parse(key)[0] as string} is published once for ${names.join(', ')}.`);
  }
  return images;
}

function imageKey(work: ImageWork): string {
  const o = work.main?.options;
  if (!o) return '';
  return JSON.stringify([o.image, o.buildContext, o.dockerfile, o.target, o.platform, o.sourceImage, o.buildArgs, o.push, o.pinDigest, o.region]);
}

/** Statuses after which a service that moved is put back: not one ECS or the watcher already put back, nor one another deploy took over. */
const PUT_BACK: ReadonlySet<DeploymentStatus> = new Set(['COMPLETED', 'SKIPPED', 'FAILED', 'TIMED_OUT', 'UNKNOWN']);

/**
 * Every service this run moved goes back on the revision it ran before, through the single-service path with
 * task-definition-arn set to that revision: a new deployment of whatever kind the service deploys with.
 */
async function rollBackAll(
  ctx: FleetContext,
  failed: ServiceRun,
  applyAll: (run: ServiceRun, plan: DeployPlan, progress: Progress) => Promise<{ result: DeliveryResult; error?: unknown }>,
  session: AwsSession,
  access: ImageAccess,
): Promise<void> {
  const moved = ctx.state.runs.filter((run) => {
    const target = run.progress.target;
    return target && run.result && PUT_BACK.has(run.result.deploymentStatus) && !sameRevision(target.previous.taskDefinitionArn, target.taskDefinitionArn);
  });
  const cause = `${failed.prefix} ${failed.result?.deploymentStatus ?? 'FAILED'}`;
  if (moved.length === 0) {
    ctx.reporter.info(`on-failure rollback-all: ${cause}; no service of this run is left on a new revision.`);
    return;
  }
  ctx.reporter.warn(`on-failure rollback-all: ${cause}; putting ${moved.map((run) => run.prefix).join(', ')} back on the revision each ran before.`);
  await Promise.all(
    moved.map(async (run) => {
      const target = run.progress.target;
      const before = run.result;
      if (!target || !before) return;
      const to = familyRevision(target.previous.taskDefinitionArn);
      run.reporter.warn(`rollback-all: ${putBackLine(run, target, to)}`);
      let ended: DeliveryResult | undefined;
      let problem: string | undefined;
      try {
        const inputs = parseInputs(rollbackInputs(run.raw, target.previous));
        const deps = await planDeps(inputs, ctx.env, accessFor(access, run), run.reporter, true);
        const plan = await planDeploy(deps, inputs, readsOf(session));
        const applied = await applyAll(run, plan, newProgress());
        ended = applied.result;
        if (applied.result.deploymentStatus !== 'COMPLETED') problem = applied.result.statusMessage ?? applied.result.deploymentStatus;
      } catch (error) {
        problem = errorMessage(error);
      }
      const said = before.statusMessage ? `${before.deploymentStatus}: ${before.statusMessage}` : `${before.deploymentStatus} on ${familyRevision(target.taskDefinitionArn)}`;
      run.result = problem
        ? { ...before, deploymentStatus: ctx.cancel.aborted ? 'CANCELLED' : 'FAILED', statusMessage: `${said}; rollback-all could not put it back on ${to}: ${problem}`, finishedAt: ctx.clock.now() }
        : {
            ...before,
            deploymentStatus: 'ROLLED_BACK',
            statusMessage: `${said}; put back on ${to} by on-failure rollback-all, as ${cause}`,
            rolledBackTo: to,
            finishedAt: ended?.finishedAt ?? ctx.clock.now(),
          };
      run.reporter.info(problem ? `rollback-all: ${run.inputs.service} is not back on ${to}: ${problem}` : `rollback-all: ${run.inputs.service} is back on ${to}.`);
    }),
  );
}

/**
 * Inputs that deploy the previous revision as it is: nothing built, rendered, run or deregistered; waited for.
 * Neither rollback nor rollback-on-cancel: a cancel while putting back must not "roll back" to the bad revision.
 */
export function rollbackInputs(raw: RawInputs, previous: { taskDefinitionArn: string; desiredCount: number }): RawInputs {
  const overrides = new Map<string, string>([
    ['task-definition-arn', previous.taskDefinitionArn],
    ['desired-count', String(previous.desiredCount)],
    ['force-new-deployment', 'false'],
    ['wait', 'true'],
    ['rollback', 'false'],
    ['rollback-on-cancel', 'false'],
    ['keep-revisions', ''],
  ]);
  for (const spec of INPUTS) {
    if (['image', 'task-definition', 'run-task'].includes(spec.group) && !spec.runWide && !overrides.has(spec.name)) overrides.set(spec.name, '');
  }
  return Object.assign((name: string) => overrides.get(name) ?? raw(name), {
    given: (name: string) => (overrides.has(name) ? overrides.get(name) !== '' : (raw.given?.(name) ?? false)),
  });
}

function reportTable(reporter: Reporter, results: readonly DeliveryResult[]): void {
  reporter.info('');
  for (const line of outcomeTable(results)) reporter.info(line);
}
