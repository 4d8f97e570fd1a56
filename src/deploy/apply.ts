// Carries out a plan against a real AWS session, step by step: image, register or reuse, the one-off task,
// update the service, watch, keep-revisions. A cancel is looked at between every two steps: no step starts after
// it, except the watch of an update made with rollback-on-cancel, which is where that update is rolled back.
import { familyRevision } from '../aws/names.js';
import { endedBy, throwIfCancelled } from '../cancel.js';
import { errorMessage } from '../errors.js';
import type { PreparedImage } from '../image/prepare.js';
import type { RunTaskPlan } from '../runtask/plan.js';
import type { RunTaskResult } from '../runtask/run-task.js';
import { describeChanges } from '../taskdef/diff.js';
import type { TaskDefinitionDocument } from '../taskdef/types.js';
import type { ImageWork } from './image-work.js';
import type { KeepRevisionsRequest } from './keep-revisions.js';
import type { DeployPlan } from './plan.js';
import { reportChanges } from './plan-report.js';
import { registerRevision, reusableRevision } from './register.js';
import type { RegisteredRevision, RolloutDeps } from '../rollout/kind.js';
import { deliveryResult, newProgress, type Progress } from './result.js';
import type { DeliveryResult } from './result.js';

/** What applying a plan needs: what the rollout kinds need, and the steps around the rollout. */
export interface ApplyDeps extends RolloutDeps {
  publishImage(work: ImageWork): Promise<PreparedImage>;
  keepRevisions(request: KeepRevisionsRequest): Promise<string[]>;
  /**
   * Runs the plan's one-off task from the revision just registered or reused; answers how it ended and, when
   * the deploy must not go on, the error that ends the run.
   */
  runTask(plan: RunTaskPlan, taskDefinitionArn: string, untouched: string | undefined): Promise<{ result: RunTaskResult; error?: Error }>;
  /**
   * Registers `rendered` through `register`, or answers the registration another service of the same run made of
   * the same document (a run of many services registers each distinct revision once).
   */
  registerOnce?(rendered: TaskDefinitionDocument, register: () => Promise<RegisteredRevision>): Promise<SharedRegistration>;
  /**
   * Takes keep-revisions over from this service: a run of many services tidies a family once every service that
   * deploys it has ended, so no service's revision goes while another still needs it.
   */
  deferKeepRevisions?(request: KeepRevisionsRequest): void;
}

/** A registration, and the service of the same run that made it when it was not this one. */
export interface SharedRegistration {
  revision: RegisteredRevision;
  madeFor?: string;
}

export interface Applied {
  result: DeliveryResult;
  /** What ended the run early (a failed step or a cancel); the result still names what was done. */
  error?: unknown;
}

/**
 * Which steps to take: all of them, or `prepare` (image, register or reuse) then `deploy` (one-off task, update,
 * watch, keep-revisions) on one Progress, for a run of many services that looks between the two whether another
 * service failed.
 */
export type ApplyPart = 'all' | 'prepare' | 'deploy';

/** `progress` is the caller's to read while apply runs (what a cancel that cannot wait reports). */
export async function applyPlan(
  deps: ApplyDeps,
  plan: DeployPlan,
  startedAt: number,
  progress: Progress = newProgress(),
  part: ApplyPart = 'all',
): Promise<Applied> {
  try {
    if (part !== 'deploy') await prepareRevision(deps, plan, progress);
    if (part === 'prepare') return { result: deliveryResult(plan, progress, { startedAt, finishedAt: deps.clock.now(), dryRun: false }) };
    await deployRevision(deps, plan, progress);
    progress.step = 'done';
    return { result: deliveryResult(plan, progress, { startedAt, finishedAt: deps.clock.now(), dryRun: false }) };
  } catch (caught) {
    const error = endedBy(caught, deps.cancel);
    if (progress.revision?.registered) deps.reporter.info(stillRegistered(plan, progress, progress.revision.arn));
    return { result: deliveryResult(plan, progress, { startedAt, finishedAt: deps.clock.now(), dryRun: false, error }), error };
  }
}

/**
 * What a revision this run registered is left as, after a failure or cancel. A one-off task that did not succeed
 * (a migration) leaves the service as it was, and nothing here invites deploying that revision.
 */
function stillRegistered(plan: DeployPlan, progress: Progress, arn: string): string {
  const revision = familyRevision(arn);
  if (progress.step !== 'run-task') return `${revision} stays registered: deploy it again with task-definition-arn.`;
  const service = plan.update ? `; service ${plan.update.service} was not changed` : '';
  return `${revision} stays registered${service}, as the one-off task did not succeed.`;
}

function stepper(deps: ApplyDeps, done: Progress): (name: Progress['step']) => void {
  return (name) => {
    throwIfCancelled(deps.cancel);
    done.step = name;
  };
}

async function prepareRevision(deps: ApplyDeps, plan: DeployPlan, done: Progress): Promise<void> {
  const step = stepper(deps, done);
  step('image');
  if (plan.image) done.image = await deps.publishImage(plan.image);

  step('register');
  done.revision = await registerOrReuse(deps, plan, done);
}

async function deployRevision(deps: ApplyDeps, plan: DeployPlan, done: Progress): Promise<void> {
  const { reporter } = deps;
  const step = stepper(deps, done);
  const revision = done.revision;
  if (!revision) throw new Error('deployRevision needs the revision prepareRevision registered or reused');

  const update = plan.update;
  if (plan.runTask) {
    step('run-task');
    const { result, error } = await deps.runTask(plan.runTask, revision.arn, update ? `service ${update.service}` : undefined);
    done.runTask = result;
    // The service is updated only after the task succeeded: a failed or cancelled task leaves it as it was.
    if (error) throw error;
  }

  if (!update) {
    reporter.info(plan.runTask ? 'No service given: registered and ran the task only.' : 'No service given: registered only.');
    await keepRevisions(deps, plan, done, revision, undefined);
    return;
  }

  const delivered = await update.kind.deliver(deps, { region: plan.region, update, revision, done, step });
  if (delivered.keepRevisions) await keepRevisions(deps, plan, done, revision, update.before.taskDefinition);
  else if (plan.keepRevisions && delivered.notRunBecause) reporter.info(`keep-revisions: not run, as ${delivered.notRunBecause}.`);
}

async function registerOrReuse(deps: ApplyDeps, plan: DeployPlan, done: Progress): Promise<RegisteredRevision> {
  const td = plan.taskDefinition;
  if (td.kind === 'existing') {
    await reportChanges(deps.reporter, plan);
    return { arn: td.arn, revision: td.revision, registered: false };
  }
  // A pushed digest under pin-digest changes the image reference: render, compare and decide again.
  const pushed = done.image?.image;
  const rendered = pushed && pushed !== plan.image?.main?.options.image ? td.renderWith(pushed) : td.rendered;
  const reuse = rendered === td.rendered ? td.reuse : reusableRevision(rendered, td.latest, td.register);
  if (rendered !== td.rendered) {
    done.rendered = rendered;
    done.changes = describeChanges(plan.comparedWith?.document, rendered);
  }
  await reportChanges(deps.reporter, plan, done.changes);
  throwIfCancelled(deps.cancel);
  if (reuse) {
    deps.reporter.info(`Task definition unchanged: reusing ${familyRevision(reuse)}, registering nothing.`);
    return { arn: reuse.arn, revision: reuse.revision, registered: false };
  }
  // What a lost answer is read back against: only revisions newer than the family's latest can be this run's.
  const latest = td.latest && td.latest.family === rendered.taskDefinition.family ? td.latest.revision : 0;
  const register = () => registerRevision(deps.session.ecsAfterCancel, rendered, { latestRevision: latest, reporter: deps.reporter, clock: deps.clock, cancel: deps.cancel });
  const { revision, madeFor } = deps.registerOnce ? await deps.registerOnce(rendered, register) : { revision: await register() };
  deps.reporter.info(madeFor ? `Using ${familyRevision(revision.arn)}, registered once in this run for ${madeFor} and this service alike.` : `Registered ${familyRevision(revision.arn)}.`);
  return revision;
}

/**
 * Only after a register-only run or a rollout this run waited for and saw COMPLETED, and never after a cancel.
 * `rollbackTarget`: the revision the service ran before this run, kept so a later rollback can still reach it.
 */
async function keepRevisions(
  deps: ApplyDeps,
  plan: DeployPlan,
  done: Progress,
  revision: RegisteredRevision,
  rollbackTarget: string | undefined,
): Promise<void> {
  if (!plan.keepRevisions) return;
  throwIfCancelled(deps.cancel);
  done.step = 'keep-revisions';
  const { family, keep } = plan.keepRevisions;
  const request = { family, keep, protect: [revision.arn, ...(rollbackTarget ? [rollbackTarget] : [])] };
  if (deps.deferKeepRevisions) {
    deps.deferKeepRevisions(request);
    deps.reporter.info(`keep-revisions: ${family} is tidied once every service of this run that deploys it has ended.`);
    return;
  }
  try {
    done.deregistered = await deps.keepRevisions(request);
    deps.reporter.info(
      done.deregistered.length > 0
        ? `Deregistered ${done.deregistered.join(', ')}.`
        : `keep-revisions: nothing to deregister beyond the newest ${keep} and the revisions in use.`,
    );
  } catch (error) {
    if (deps.cancel.aborted) throw error;
    // The deploy itself succeeded; tidying up is not worth failing it for.
    deps.reporter.warn(`keep-revisions: ${errorMessage(error)}; no revision was deregistered by this step.`);
  }
}
