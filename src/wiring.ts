// What the run hands the plan and apply steps of each service: file reading, image checks and publishing, the
// watcher, the one-off task, keep-revisions, each service with its own reporter.
import { resolve } from 'node:path';
import type { AwsSession } from './aws/clients.js';
import type { Clock } from './clock.js';
import type { ApplyDeps } from './deploy/apply.js';
import { imageAccess, type ImageWork } from './deploy/image-work.js';
import { keepRevisions } from './deploy/keep-revisions.js';
import type { PlanDeps } from './deploy/plan.js';
import type { EcsReads } from './rollout/kind.js';
import type { Inputs } from './inputs/parse.js';
import type { Reporter } from './report.js';
import { readTaskDefinitionFile } from './taskdef/parse-file.js';

type Env = Readonly<Record<string, string | undefined>>;
export type ImageAccess = ReturnType<typeof imageAccess>;

/** What the plan reads with: ECS, and CodeDeploy's clients for a service CodeDeploy deploys (made only then). */
export function readsOf(session: AwsSession): EcsReads {
  return {
    ecs: session.ecs,
    region: session.region,
    ...(session.codeDeploy ? { codeDeploy: session.codeDeploy } : {}),
    ...(session.express ? { express: session.express } : {}),
  };
}

export async function planDeps(inputs: Inputs, env: Env, access: ImageAccess, reporter: Reporter, compared: boolean): Promise<PlanDeps> {
  return {
    reporter,
    env: env as NodeJS.ProcessEnv,
    readTextFile: (path) => readTaskDefinitionFile(resolve(path), path),
    ...(compared ? { unmodelledFields: (await import('./aws/unmodelled.js')).unmodelledFields } : {}),
    ...(inputs.image || inputs.images.size > 0
      ? {
          verifyImages: async (work: ImageWork) => {
            const { verifyImageExists } = await import('./image/prepare.js');
            for (const job of [...work.others, ...(work.main ? [work.main] : [])]) await verifyImageExists(access, job.options, job.plan);
          },
        }
      : {}),
  };
}

export async function publishImages(access: ImageAccess, work: ImageWork) {
  const { publishImage } = await import('./image/prepare.js');
  return work.main ? publishImage(access, work.main.options, work.main.plan) : { image: '', pushed: false, pushedNewDigest: false };
}

export interface ApplyWiring {
  session: AwsSession;
  access: ImageAccess;
  reporter: Reporter;
  clock: Clock;
  /** The watcher's clock: a run of many services wakes its watchers on a shared tick. */
  watchClock?: Clock;
  cancel: AbortSignal;
  /** Waited for before a watch begins: a run of many services starts its watchers on the shared tick. */
  beforeWatch?(cancel: AbortSignal): Promise<void>;
  /** Replaces publishing the image, for a run that publishes each distinct image once beforehand. */
  publishImage?: ApplyDeps['publishImage'];
}

export function applyDeps(wiring: ApplyWiring): ApplyDeps {
  const { session, access, reporter, clock, cancel } = wiring;
  return {
    session,
    reporter,
    clock,
    cancel,
    publishImage: wiring.publishImage ?? (async (work) => publishImages(access, work)),
    ...(wiring.watchClock ? { watchClock: wiring.watchClock } : {}),
    ...(wiring.beforeWatch ? { beforeWatch: wiring.beforeWatch } : {}),
    watch: async (target, options, watcher) => {
      await wiring.beforeWatch?.(options.cancel);
      return watcher({ ecs: session.ecs, ecsAfterCancel: session.ecsAfterCancel, clock: wiring.watchClock ?? clock, reporter }, target, options);
    },
    keepRevisions: (request) => keepRevisions({ ecs: session.ecs, clock, reporter }, request),
    runTask: async (runPlan, taskDefinitionArn, untouched) => {
      // Loaded only when a task runs; the CloudWatch Logs client only once a log stream is known.
      const [{ runTaskStep }, { ecsTaskApi }, { createLogsApi }] = await Promise.all([
        import('./runtask/step.js'),
        import('./runtask/ecs-task-api.js'),
        import('./runtask/logs.js'),
      ]);
      return runTaskStep(runPlan, taskDefinitionArn, untouched, {
        api: ecsTaskApi(session),
        openLogs: () => createLogsApi(session.options),
        region: session.region,
        clock,
        reporter,
        signal: cancel,
      });
    },
  };
}
