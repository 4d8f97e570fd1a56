// The steps that change things, once every service has a plan. Each service goes through its own steps (image,
// register, one-off task, update, watch), max-parallel at a time, waiting only for the image it needs: each
// distinct image is published once, each distinct revision registered once, and the watchers of a services-file
// wake on one shared tick so their reads are joined.
import type { AwsSession } from '../aws/clients.js';
import type { Clock } from '../clock.js';
import { applyPlan, type ApplyDeps, type ApplyPart } from '../deploy/apply.js';
import type { ImageWork } from '../deploy/image-work.js';
import { keepRevisions, type KeepRevisionsRequest } from '../deploy/keep-revisions.js';
import type { DeployPlan } from '../deploy/plan.js';
import { deliveryResult, type DeliveryResult, type Progress } from '../deploy/result.js';
import type { PreparedImage } from '../image/prepare.js';
import type { ServicesInputs } from '../inputs/parse.js';
import type { Reporter } from '../report.js';
import { applyDeps, publishImages, type ImageAccess } from '../wiring.js';
import { familyTidying, type FamilyUser } from './family-tidying.js';
import { limiter } from './limit.js';
import { endedWell } from './outcome.js';
import { sharedRegistrations } from './registrations.js';
import { rollBackAll } from './rollback-all.js';
import { sharedTickClock } from './shared-tick.js';
import type { RunState, ServiceRun } from './state.js';

export interface ApplyAllContext {
  state: RunState;
  options: ServicesInputs;
  pollIntervalMs: number;
  reporter: Reporter;
  cancel: AbortSignal;
  clock: Clock;
  env: Readonly<Record<string, string | undefined>>;
}

export interface Sessions {
  /** The run's session; in a services-file run, with its ECS reads joined. */
  session: AwsSession;
  /** Registries, ECR through the session as opened. */
  access: ImageAccess;
}

export async function applyAll(ctx: ApplyAllContext, { session, access }: Sessions): Promise<void> {
  const { state, clock, options, reporter } = ctx;
  const runs = state.runs;
  // A run of one service polls at its own pace; the watchers of many wake together.
  const watchClock = state.many ? sharedTickClock(clock, ctx.pollIntervalMs) : clock;
  const images = publishDistinctImages(ctx, access);
  const registerOnce = sharedRegistrations();
  const users = new Map(runs.filter((run) => run.plan).map((run) => [run, familyUser(run)] as const));
  const tidying = familyTidying([...users.values()], {
    keepRevisions: (request) => keepRevisions({ ecs: session.ecs, clock, reporter }, request),
    reporter,
    cancel: ctx.cancel,
  });

  // Written from the callbacks below, so kept in an object the compiler does not narrow.
  const failure: { first?: ServiceRun } = {};
  const holdBack = (): ServiceRun | undefined => (options.onFailure !== 'continue' ? failure.first : undefined);

  const apply = async (run: ServiceRun, part: ApplyPart, plan: DeployPlan, progress: Progress, startedAt: number) => {
    const user = users.get(run);
    const deps: ApplyDeps = {
      ...applyDeps({
        session,
        access: { ...access, reporter: run.reporter },
        reporter: run.reporter,
        clock,
        watchClock,
        // The first poll falls on the tick too, so every poll of the run is joined with the others.
        ...(state.many ? { beforeWatch: (cancel: AbortSignal) => watchClock.sleep(0, cancel) } : {}),
        cancel: ctx.cancel,
        publishImage: async (work: ImageWork) => images.get(imageKey(work)) ?? publishImages({ ...access, reporter: run.reporter }, work),
      }),
      registerOnce: (rendered, register) => {
        // A service whose image was still being built when another failed registers nothing.
        const failed = holdBack();
        if (failed) throw new HeldBack(failed);
        return registerOnce(run.prefix)(rendered, register);
      },
      ...(user && tidying.shared(user.family) ? { deferKeepRevisions: (request: KeepRevisionsRequest) => tidying.asked(user, request) } : {}),
    };
    return applyPlan(deps, plan, startedAt, progress, part);
  };

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
      if (applied.error instanceof HeldBack) {
        run.result = heldBack(run, plan, applied.error.failed, options.onFailure, clock.now());
        return;
      }
      run.result = applied.result;
      if (applied.error !== undefined) run.error = applied.error;
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
    const deps = { ecs: session.ecs, reporter, cancel: ctx.cancel, clock };
    await rollBackAll({ ...deps, apply: (run, plan, progress) => apply(run, 'all', plan, progress, clock.now()) }, runs, failure.first);
  }
}

/** Ends a service's steps before they change anything, as another service of the run failed first. */
class HeldBack extends Error {
  constructor(readonly failed: ServiceRun) {
    super(`held back after ${failed.prefix} failed`);
  }
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

function heldBack(run: ServiceRun, plan: DeployPlan, failed: ServiceRun, onFailure: ServicesInputs['onFailure'], at: number): DeliveryResult {
  const why = `not started: on-failure is ${onFailure} and ${failed.prefix} ${failed.result?.deploymentStatus ?? 'FAILED'}`;
  run.reporter.warn(why);
  return {
    ...deliveryResult(plan, run.progress, { startedAt: at, finishedAt: at, dryRun: false }),
    deploymentStatus: 'NOT_STARTED',
    statusMessage: why,
  };
}

/** Each distinct image published once, max-parallel-builds at a time, keyed by what is built and where it goes. */
function publishDistinctImages(ctx: ApplyAllContext, access: ImageAccess): Map<string, Promise<PreparedImage>> {
  const limit = limiter(ctx.options.maxParallelBuilds);
  const images = new Map<string, Promise<PreparedImage>>();
  const users = new Map<string, string[]>();
  for (const run of ctx.state.runs) {
    const work = run.plan?.image;
    if (!work?.main) continue;
    const key = imageKey(work);
    users.set(key, [...(users.get(key) ?? []), run.prefix]);
    if (!images.has(key)) {
      const image = limit(() => publishImages({ ...access, reporter: run.reporter }, work));
      // Awaited by the services that use it; one whose turn never comes (a cancel, on-failure) must not leave it unhandled.
      image.catch(() => undefined);
      images.set(key, image);
    }
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
