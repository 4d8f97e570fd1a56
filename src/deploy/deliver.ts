// The deploy flow: preflight, image, render, register, update, watch. It talks to AWS only through the
// session it is given and to the host only through the Reporter.
import type { Service } from '@aws-sdk/client-ecs';
import type { AwsSession } from '../aws/clients.js';
import { consoleUrl, familyRevision, sameRevision } from '../aws/names.js';
import type { DescribedRevision } from '../aws/taskdef-convert.js';
import type { Clock } from '../clock.js';
import { CancelledError, DeployError, InputError, PreflightError, errorMessage } from '../errors.js';
import type { Inputs } from '../inputs/parse.js';
import type { Reporter } from '../report.js';
import { describeChanges, renderTaskDefinitionJson } from '../taskdef/diff.js';
import { parseTaskDefinitionText } from '../taskdef/parse-file.js';
import type { TaskDefinitionDocument } from '../taskdef/types.js';
import type { RolloutTarget, WatchOptions, WatchOutcome } from '../watch/contract.js';
import { findTaskDefinition, preflightService } from './preflight.js';
import { registerRevision, reusableRevision, type RegisteredRevision } from './register.js';
import { primaryImage, renderTaskDefinition, type Base } from './render.js';
import type { DeliveryResult } from './result.js';
import { startDeployment } from './start-deployment.js';

export interface PreparedImage {
  image: string;
  digest?: string;
  /** This run pushed a digest the reference did not name before: the service must roll even if the revision is reused. */
  pushedNewDigest: boolean;
}

export interface ImageStep {
  /** Read-only checks, run in the preflight. */
  check(): Promise<void>;
  /** Create repository, log in, build or tag, push. */
  prepare(): Promise<PreparedImage>;
}

export interface DeliverDeps {
  reporter: Reporter;
  clock: Clock;
  cancel: AbortSignal;
  readTextFile(path: string): string;
  /** undefined when a dry run found no AWS credentials to compare with. */
  session: AwsSession | undefined;
  unmodelledFields?(input: Record<string, unknown>): string[];
  image?: ImageStep;
  watch(target: RolloutTarget, options: WatchOptions): Promise<WatchOutcome>;
  keepRevisions?(family: string, keep: number, protect: string[]): Promise<string[]>;
}

export async function deliver(deps: DeliverDeps, inputs: Inputs): Promise<DeliveryResult> {
  const { reporter, session } = deps;
  const startedAt = deps.clock.now();
  const region = session?.region ?? inputs.region;
  const fileDocument = inputs.taskDefinitionFile ? readTaskDefinitionFile(deps, inputs.taskDefinitionFile) : undefined;

  // Preflight: read-only, before anything changes anywhere.
  const service = session && inputs.service ? await preflightService(session.ecs, inputs.cluster, inputs.service, region) : undefined;
  if (service) {
    reporter.info(
      `Service ${inputs.service} in ${inputs.cluster}: ${familyRevision(service.taskDefinition ?? '?')}, ${service.runningCount ?? 0}/${service.desiredCount ?? 0} running.`,
    );
  }
  const knownFamily = inputs.taskDefinitionArn ? '' : inputs.family || fileDocument?.taskDefinition.family || '';
  const { running, latest } = await describeRevisions(deps, service?.taskDefinition, knownFamily, !inputs.taskDefinitionArn);

  if (inputs.taskDefinitionArn) {
    return deployExistingRevision(deps, inputs, service, running, startedAt);
  }

  const family = knownFamily || running?.family || '';
  const base = chooseBase(inputs, fileDocument, latest, running);
  reporter.info(`Rendering the task definition from ${base.label}.`);
  const baseRevision = base.source === 'latest-revision' ? latest : base.source === 'service' ? running : undefined;
  if (baseRevision && baseRevision.unmodelledFields.length > 0) {
    reporter.warn(
      `ECS answered ${baseRevision.unmodelledFields.join(', ')} in ${baseRevision.family}:${baseRevision.revision}, which the bundled AWS SDK cannot read or send: a new revision would not have ${baseRevision.unmodelledFields.length === 1 ? 'it' : 'them'}. Update ecs-deliver, or register that revision with another tool and deploy it with task-definition-arn.`,
    );
  }
  // A trial render checks container names and the other inputs before any build or push.
  renderTaskDefinition(inputs, base, inputs.image);
  await deps.image?.check();
  if (!session && !inputs.dryRun) throw new InputError('region: no AWS session; set region or AWS_REGION.');
  throwIfCancelled(deps.cancel);

  const image = deps.image ? await deps.image.prepare() : { image: inputs.image, pushedNewDigest: false };
  const rendered = renderTaskDefinition(inputs, base, image.image);
  warnUnmodelled(deps, rendered);

  const compareWith = running ?? latest;
  const changes = describeChanges(compareWith?.document, rendered);
  await reporter.group(
    compareWith ? `Changes against ${compareWith.family}:${compareWith.revision}${running ? ` (what ${inputs.service} runs now)` : ''}` : 'New task definition',
    async () => {
      for (const line of changes) reporter.info(line);
    },
  );

  const reuse = reusableRevision(rendered, latest, inputs.register);
  if (inputs.dryRun) {
    return dryRunResult(deps, inputs, rendered, changes, { reuse, latest, service, region, startedAt, image: image.image });
  }

  throwIfCancelled(deps.cancel);
  const revision = reuse ? reused(deps, reuse) : await register(deps, rendered, latest);
  const result: DeliveryResult = {
    dryRun: false,
    region,
    cluster: inputs.cluster,
    ...(inputs.service ? { service: inputs.service } : {}),
    image: image.image || primaryImage(rendered, inputs.containerName),
    ...(image.digest ? { imageDigest: image.digest } : {}),
    taskDefinitionArn: revision.arn,
    revision: revision.revision,
    registered: revision.registered,
    deploymentStatus: 'SKIPPED',
    diff: changes,
    startedAt,
    finishedAt: startedAt,
    deregistered: [],
  };
  if (!service || !session) {
    reporter.info('No service given: registered only.');
    return finish(deps, inputs, result, family);
  }

  const force = inputs.forceNewDeployment || (!revision.registered && image.pushedNewDigest);
  if (force && !inputs.forceNewDeployment) {
    reporter.info(`The push gave ${image.image} a new digest under a tag ${familyRevision(revision.arn)} already names: forcing a new deployment.`);
  }
  if (!force && !revision.registered && sameRevision(service.taskDefinition, revision.arn)) {
    reporter.info(
      `${inputs.service} already runs ${familyRevision(revision.arn)}: ECS starts no new tasks. If a tag it names now points at new content pushed elsewhere, set force-new-deployment (or deploy by digest with pin-digest).`,
    );
  }
  return rollOut(deps, inputs, service, result, force, family);
}

async function rollOut(
  deps: DeliverDeps,
  inputs: Inputs,
  service: Service,
  result: DeliveryResult,
  force: boolean,
  family: string,
): Promise<DeliveryResult> {
  const { reporter, session } = deps;
  if (!session) throw new Error('rollOut needs an AWS session');
  throwIfCancelled(deps.cancel);
  reporter.info(
    `Updating service ${inputs.service} to ${familyRevision(result.taskDefinitionArn)}${inputs.desiredCount !== undefined ? `, desired count ${inputs.desiredCount}` : ''}${force ? ', forcing a new deployment' : ''}.`,
  );
  let target: RolloutTarget;
  try {
    target = await startDeployment(session.ecs, service, {
      cluster: inputs.cluster,
      region: result.region,
      taskDefinitionArn: result.taskDefinitionArn,
      forceNewDeployment: force,
      ...(inputs.desiredCount !== undefined ? { desiredCount: inputs.desiredCount } : {}),
    }, { reporter, clock: deps.clock });
  } catch (error) {
    // The revision may be registered already: the outputs still name it, so a retry can deploy it as it is.
    if (!(error instanceof DeployError)) throw error;
    return { ...result, deploymentStatus: 'FAILED', statusMessage: error.message, finishedAt: deps.clock.now() };
  }
  reporter.info(
    target.deploymentId ? `Deployment ${target.deploymentId} started.` : 'The update started no new deployment; waiting for the service to be steady.',
  );
  const withDeployment: DeliveryResult = {
    ...result,
    desiredCount: inputs.desiredCount ?? service.desiredCount ?? 0,
    consoleUrl: consoleUrl(result.region, inputs.cluster, inputs.service),
    ...(target.deploymentId ? { deploymentId: target.deploymentId } : {}),
  };
  if (!inputs.wait) {
    reporter.info('wait is false: not waiting for the rollout.');
    return finish(deps, inputs, withDeployment, family, service.taskDefinition);
  }
  const outcome = await deps.watch(target, {
    timeoutMs: inputs.waitTimeoutMs,
    pollIntervalMs: inputs.pollIntervalMs,
    rollback: inputs.rollback,
    rollbackOnCancel: inputs.rollbackOnCancel,
    cancel: deps.cancel,
    ...(inputs.maxFailedTasks !== undefined ? { maxFailedTasks: inputs.maxFailedTasks } : {}),
  });
  const watched: DeliveryResult = {
    ...withDeployment,
    deploymentStatus: outcome.status,
    statusMessage: outcome.message,
    ...(outcome.failure ? { failure: outcome.failure } : {}),
    ...(outcome.rolledBackTo ? { rolledBackTo: outcome.rolledBackTo } : {}),
  };
  if (outcome.status !== 'COMPLETED') return { ...watched, finishedAt: deps.clock.now() };
  return finish(deps, inputs, watched, family, service.taskDefinition);
}

/** `rollbackTarget`: the revision the service ran before this run, kept so a later rollback can still reach it. */
async function finish(
  deps: DeliverDeps,
  inputs: Inputs,
  result: DeliveryResult,
  family: string,
  rollbackTarget?: string,
): Promise<DeliveryResult> {
  let deregistered: string[] = [];
  if (inputs.keepRevisions !== undefined && deps.keepRevisions && family) {
    const protect = [result.taskDefinitionArn, ...(rollbackTarget ? [rollbackTarget] : [])];
    try {
      deregistered = await deps.keepRevisions(family, inputs.keepRevisions, protect);
      deps.reporter.info(
        deregistered.length > 0
          ? `Deregistered ${deregistered.join(', ')}.`
          : `keep-revisions: nothing to deregister beyond the newest ${inputs.keepRevisions} and the revisions in use.`,
      );
    } catch (error) {
      // The deploy itself succeeded; tidying up is not worth failing it for.
      deps.reporter.warn(`keep-revisions: ${errorMessage(error)}; no revision was deregistered by this step.`);
    }
  }
  return { ...result, deregistered, finishedAt: deps.clock.now() };
}

async function deployExistingRevision(
  deps: DeliverDeps,
  inputs: Inputs,
  service: Service | undefined,
  running: DescribedRevision | undefined,
  startedAt: number,
): Promise<DeliveryResult> {
  const { session, reporter } = deps;
  const region = session?.region ?? inputs.region;
  const named = session ? await findTaskDefinition(session.ecs, inputs.taskDefinitionArn) : undefined;
  if (session && !named) {
    throw new PreflightError(
      `task-definition-arn: "${inputs.taskDefinitionArn}" does not exist in ${region}; check the family:revision or ARN.`,
    );
  }
  if (named && named.status !== 'ACTIVE') {
    reporter.warn(`${named.family}:${named.revision} is ${named.status}; ECS may refuse to start new tasks from it.`);
  }
  await deps.image?.check();
  const image = deps.image ? await deps.image.prepare() : undefined;
  const changes = named ? describeChanges(running?.document, named.document) : [];
  await reporter.group(`Deploying ${named ? `${named.family}:${named.revision}` : inputs.taskDefinitionArn} as it is`, async () => {
    for (const line of changes) reporter.info(line);
  });
  const result: DeliveryResult = {
    dryRun: inputs.dryRun,
    region,
    cluster: inputs.cluster,
    service: inputs.service,
    image: image?.image ?? (named ? primaryImage(named.document, '') : ''),
    ...(image?.digest ? { imageDigest: image.digest } : {}),
    taskDefinitionArn: named?.arn ?? inputs.taskDefinitionArn,
    revision: named?.revision ?? 0,
    registered: false,
    deploymentStatus: 'SKIPPED',
    diff: changes,
    startedAt,
    finishedAt: deps.clock.now(),
    deregistered: [],
  };
  if (inputs.dryRun || !service) {
    if (inputs.dryRun) reporter.info(`Dry run: would update ${inputs.service} to ${familyRevision(result.taskDefinitionArn)}; nothing changed.`);
    return result;
  }
  return rollOut(deps, inputs, service, result, inputs.forceNewDeployment || Boolean(image?.pushedNewDigest), named?.family ?? '');
}

function chooseBase(
  inputs: Inputs,
  fileDocument: TaskDefinitionDocument | undefined,
  latest: DescribedRevision | undefined,
  running: DescribedRevision | undefined,
): Base {
  if (fileDocument) return { source: 'file', label: inputs.taskDefinitionFile, document: fileDocument };
  if (latest && (inputs.family || !running)) {
    return { source: 'latest-revision', label: `${latest.family}:${latest.revision} (latest ACTIVE revision)`, document: latest.document };
  }
  if (running && !inputs.family) {
    return { source: 'service', label: `${running.family}:${running.revision} (what ${inputs.service} runs now)`, document: running.document };
  }
  return { source: 'inputs', label: 'inputs (new family)' };
}

/**
 * The revision the service runs and the family's latest ACTIVE one, described once each; when they are the
 * same revision one call serves both.
 */
async function describeRevisions(
  deps: DeliverDeps,
  runningTaskDefinition: string | undefined,
  knownFamily: string,
  needLatest: boolean,
): Promise<{ running?: DescribedRevision; latest?: DescribedRevision }> {
  const { session } = deps;
  if (!session) return {};
  const latestOfKnown = knownFamily ? await findTaskDefinition(session.ecs, knownFamily) : undefined;
  const running = !runningTaskDefinition
    ? undefined
    : latestOfKnown && sameRevision(latestOfKnown.arn, runningTaskDefinition)
      ? latestOfKnown
      : await findTaskDefinition(session.ecs, runningTaskDefinition);
  const latest = knownFamily || !needLatest || !running ? latestOfKnown : await findTaskDefinition(session.ecs, running.family);
  return { ...(running ? { running } : {}), ...(latest ? { latest } : {}) };
}

function readTaskDefinitionFile(deps: DeliverDeps, path: string): TaskDefinitionDocument {
  let text: string;
  try {
    text = deps.readTextFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`task-definition: cannot read "${path}" (${code ?? String(error)}); give a path relative to the working directory.`);
  }
  return parseTaskDefinitionText(text, path);
}

function warnUnmodelled(deps: DeliverDeps, rendered: TaskDefinitionDocument): void {
  if (!deps.unmodelledFields) return;
  const fields = deps.unmodelledFields(rendered.taskDefinition);
  if (fields.length > 0) {
    deps.reporter.warn(
      `the bundled AWS SDK does not know ${fields.join(', ')}; ${fields.length === 1 ? 'it' : 'they'} will not be sent to ECS. Update ecs-deliver, or remove ${fields.length === 1 ? 'it' : 'them'} from the task definition.`,
    );
  }
}

function reused(deps: DeliverDeps, revision: DescribedRevision): RegisteredRevision {
  deps.reporter.info(`Task definition unchanged: reusing ${revision.family}:${revision.revision}, registering nothing.`);
  return { arn: revision.arn, revision: revision.revision, registered: false };
}

async function register(deps: DeliverDeps, rendered: TaskDefinitionDocument, latest: DescribedRevision | undefined): Promise<RegisteredRevision> {
  if (!deps.session) throw new Error('register needs an AWS session');
  const revision = await registerRevision(deps.session.ecs, rendered, {
    latestRevision: latest && latest.family === rendered.taskDefinition.family ? latest.revision : 0,
    reporter: deps.reporter,
    clock: deps.clock,
  });
  deps.reporter.info(`Registered ${familyRevision(revision.arn)}.`);
  return revision;
}

function dryRunResult(
  deps: DeliverDeps,
  inputs: Inputs,
  rendered: TaskDefinitionDocument,
  changes: string[],
  facts: {
    reuse: DescribedRevision | undefined;
    latest: DescribedRevision | undefined;
    service: Service | undefined;
    region: string;
    startedAt: number;
    image: string;
  },
): DeliveryResult {
  const { reporter } = deps;
  reporter.info('Rendered task definition (environment values redacted):');
  reporter.info(renderTaskDefinitionJson(rendered, { redactEnvironment: true }));
  const plan: string[] = [];
  if (!deps.session) plan.push('No AWS credentials found: not compared with ECS (set credentials to see the diff against what runs).');
  if (facts.reuse) plan.push(`Would reuse ${facts.reuse.family}:${facts.reuse.revision} (unchanged); would register nothing.`);
  else plan.push(`Would register a new revision of ${rendered.taskDefinition.family ?? inputs.family}${facts.latest ? ` (latest is ${facts.latest.revision})` : ''}.`);
  if (inputs.service) {
    plan.push(`Would update service ${inputs.service} in ${inputs.cluster}${inputs.desiredCount !== undefined ? ` to desired count ${inputs.desiredCount}` : ''}${inputs.wait ? ' and wait for the rollout' : ''}.`);
  }
  if (inputs.keepRevisions !== undefined) plan.push(`Would keep the newest ${inputs.keepRevisions} revisions, deregistering older unused ones.`);
  plan.push('Dry run: nothing was changed.');
  for (const line of plan) reporter.info(line);
  return {
    dryRun: true,
    region: facts.region,
    cluster: inputs.cluster,
    ...(inputs.service ? { service: inputs.service } : {}),
    image: facts.image || primaryImage(rendered, inputs.containerName),
    taskDefinitionArn: facts.reuse?.arn ?? '',
    revision: facts.reuse?.revision ?? 0,
    registered: false,
    deploymentStatus: 'SKIPPED',
    diff: changes,
    startedAt: facts.startedAt,
    finishedAt: deps.clock.now(),
    deregistered: [],
  };
}

function throwIfCancelled(cancel: AbortSignal): void {
  if (cancel.aborted) {
    const reason: unknown = cancel.reason;
    throw new CancelledError(reason === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
  }
}
