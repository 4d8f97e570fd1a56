// Read, then decide: everything a deploy of one service would change, found by reads alone. A dry run prints
// the plan and stops; otherwise apply carries it out. Run-wide things (session, clock, cancel) stay outside.
import type { RolloutKind } from '../rollout/kind.js';
import type { ExpressPlan } from '../rollout/express.js';
import type { Service } from '@aws-sdk/client-ecs';
import type { AwsSession } from '../aws/clients.js';
import type { EcsApi } from '../aws/ecs.js';
import type { CodeDeployPlan } from '../codedeploy/plan.js';
import { familyRevision, sameRevision } from '../aws/names.js';
import type { DescribedRevision } from '../aws/taskdef-convert.js';
import { InputError, PreflightError } from '../errors.js';
import type { Inputs } from '../inputs/parse.js';
import type { Reporter } from '../report.js';
import { runTaskRequested } from '../runtask/options.js';
import { planRunTask, type RunTaskPlan, type RunTaskPlanInput } from '../runtask/plan.js';
import { describeChanges } from '../taskdef/diff.js';
import { checkLaunchVolume } from '../taskdef/launch-volumes.js';
import { needsYaml, parseTaskDefinitionText } from '../taskdef/parse-file.js';
import type { TaskDefinitionDocument } from '../taskdef/types.js';
import type { WatchOptions } from '../watch/contract.js';
import { planImageWork, type ImageWork } from './image-work.js';
import { findTaskDefinition, preflightService } from './preflight.js';
import { identicalRevision } from './identical-revision.js';
import { renderTaskDefinition, type Base } from './render.js';
import type { UpdateServiceExtra } from './start-deployment.js';

/** A task definition rendered by this run: registered, or the family's latest revision reused when equal. */
export interface RenderedTaskDefinition {
  kind: 'render';
  base: Base;
  family: string;
  rendered: TaskDefinitionDocument;
  /** The same render with another image reference: the pushed digest under pin-digest. */
  renderWith(image: string): TaskDefinitionDocument;
  register: Inputs['register'];
  /** The family's latest ACTIVE revision, when ECS has one. */
  latest?: DescribedRevision;
  /** Set when `rendered` equals `latest`: nothing to register. */
  reuse?: DescribedRevision;
  containerName: string;
}

/** A revision named by task-definition-arn, deployed as it is. */
export interface ExistingTaskDefinition {
  kind: 'existing';
  arn: string;
  /** 0 when it was not described (a dry run without AWS credentials). */
  revision: number;
  family: string;
  document?: TaskDefinitionDocument;
}

export interface ServiceUpdate<S extends Service | undefined = Service> {
  cluster: string;
  service: string;
  /** The service as read in the preflight; undefined only in a dry run that could not read ECS. */
  before: S;
  /** How the service is deployed, chosen from its deployment controller and strategy; unknown when `before` is. */
  kind: S extends Service ? RolloutKind : RolloutKind | undefined;
  desiredCount?: number;
  forceNewDeployment: boolean;
  /** UpdateService fields beyond the revision and count (managed tags, tag propagation, EBS volume), only those given. */
  extra?: UpdateServiceExtra;
  /** undefined when wait is false. */
  watch?: Omit<WatchOptions, 'cancel'>;
  /** What the CodeDeploy kind deploys with: the application, deployment group and AppSpec. */
  codeDeploy?: CodeDeployPlan;
  /** What the Express kind read of the service, and the inputs its calls carry. */
  express?: ExpressPlan;
}

export interface DeployPlan<S extends Service | undefined = Service> {
  region: string;
  cluster: string;
  /** False in a dry run without AWS credentials or region: nothing was read from ECS. */
  compared: boolean;
  taskDefinition: RenderedTaskDefinition | ExistingTaskDefinition;
  /** What the changes are measured against, such as "web:3 (what web runs now)"; undefined for a new family. */
  comparedWith?: DescribedRevision;
  changes: string[];
  image?: ImageWork;
  /** undefined when no service is given: register only. */
  update?: ServiceUpdate<S>;
  keepRevisions?: { family: string; keep: number };
  /** The one-off task run from the deployed revision before the service is updated (run-task-*). */
  runTask?: RunTaskPlan;
  /** Why a one-off task that was asked for could not be planned in a dry run without AWS reads. */
  runTaskUnplanned?: string;
}

export interface PlanDeps {
  reporter: Reporter;
  readTextFile(path: string): string;
  env: NodeJS.ProcessEnv;
  /** Checks that the images the run does not push exist (reads only). */
  verifyImages?(work: ImageWork): Promise<void>;
  unmodelledFields?(input: Record<string, unknown>): string[];
}

export interface EcsReads {
  ecs: EcsApi;
  region: string;
  /** CodeDeploy's clients, made only for a service CodeDeploy deploys. */
  codeDeploy?: AwsSession['codeDeploy'];
  /** The Express calls, for an Express service. */
  express?: AwsSession['express'];
}

export function planDeploy(deps: PlanDeps, inputs: Inputs, reads: EcsReads): Promise<DeployPlan>;
export function planDeploy(deps: PlanDeps, inputs: Inputs, reads: EcsReads | undefined): Promise<DeployPlan<Service | undefined>>;
export async function planDeploy(deps: PlanDeps, inputs: Inputs, reads: EcsReads | undefined): Promise<DeployPlan<Service | undefined>> {
  const { reporter } = deps;
  const region = reads?.region ?? inputs.region;
  const fileDocument = inputs.taskDefinitionFile ? await readTaskDefinitionFile(deps, inputs.taskDefinitionFile) : undefined;

  const preflight = reads && inputs.service ? await readService(reporter, reads, inputs, region) : undefined;
  const service = preflight?.service;
  const planned = reads && preflight ? await kindPart(deps, inputs, preflight.service, preflight.kind, reads) : {};
  const knownFamily = inputs.taskDefinitionArn ? '' : inputs.family || fileDocument?.taskDefinition.family || '';
  // An Express service may not show its task definition in DescribeServices: its active configuration names it.
  const runningTaskDefinition = service?.taskDefinition ?? planned.express?.described?.activeConfigurations?.[0]?.taskDefinitionArn;
  const { running, latest } = reads ? await describeRevisions(reads.ecs, runningTaskDefinition, knownFamily, !inputs.taskDefinitionArn) : {};
  const finish = (document: TaskDefinitionDocument, source: string): TaskDefinitionDocument => preflight?.kind.finishRender?.(document, source) ?? document;

  const common = {
    region,
    cluster: inputs.cluster,
    compared: reads !== undefined,
    ...(inputs.service ? { update: { ...serviceUpdate(inputs, service, preflight?.kind), ...planned } } : {}),
  };

  if (inputs.taskDefinitionArn) {
    const named = reads ? await findTaskDefinition(reads.ecs, inputs.taskDefinitionArn) : undefined;
    if (reads && !named) {
      throw new PreflightError(`task-definition-arn: "${inputs.taskDefinitionArn}" does not exist in ${region}; check the family:revision or ARN.`);
    }
    if (named && named.status !== 'ACTIVE') {
      reporter.warn(`${familyRevision(named)} is ${named.status}; ECS may refuse to start new tasks from it.`);
    }
    const family = named?.family ?? familyRevision(inputs.taskDefinitionArn).split(':')[0] ?? '';
    if (named) checkLaunchVolumes(inputs, named.document);
    if (named) finish(named.document, 'task-definition-arn');
    const oneOff = runTaskPart(inputs, service, named?.document, reads !== undefined);
    return {
      ...common,
      taskDefinition: {
        kind: 'existing',
        arn: named?.arn ?? inputs.taskDefinitionArn,
        revision: named?.revision ?? 0,
        family,
        ...(named ? { document: named.document } : {}),
      },
      ...(running ? { comparedWith: running } : {}),
      changes: named ? describeChanges(running?.document, named.document) : [],
      ...keepRevisionsOf(inputs, family),
      ...oneOff,
    };
  }

  const base = chooseBase(inputs, fileDocument, latest, running, reads !== undefined);
  reporter.info(`Rendering the task definition from ${base.label}.`);
  const baseRevision = base.source === 'latest-revision' ? latest : base.source === 'service' ? running : undefined;
  if (baseRevision && baseRevision.unmodelledFields.length > 0) warnUnmodelledBase(reporter, baseRevision);
  // A trial render checks container names and the other inputs before the image inputs and any registry.
  renderTaskDefinition(inputs, base, inputs.image);
  const image = await planImageWork(inputs, region, deps.env);
  if (image) await deps.verifyImages?.(image);

  const source = renderSource(base);
  const rendered = finish(renderTaskDefinition(inputs, base, inputs.image), source);
  warnUnmodelled(deps, rendered);
  const family = rendered.taskDefinition.family ?? (knownFamily || running?.family || '');
  const comparedWith = running ?? latest;
  const reuse = reads ? await identicalRevision(reads.ecs, rendered, [latest, running], inputs.register) : undefined;
  checkLaunchVolumes(inputs, rendered);
  const oneOff = runTaskPart(inputs, service, rendered, reads !== undefined);
  return {
    ...common,
    taskDefinition: {
      kind: 'render',
      base,
      family,
      rendered,
      renderWith: (reference) => finish(renderTaskDefinition(inputs, base, reference), source),
      register: inputs.register,
      ...(latest ? { latest } : {}),
      ...(reuse ? { reuse } : {}),
      containerName: inputs.containerName,
    },
    ...(comparedWith ? { comparedWith } : {}),
    changes: reads === undefined && !comparedWith ? notComparedLines(rendered) : describeChanges(comparedWith?.document, rendered),
    ...(image ? { image } : {}),
    ...keepRevisionsOf(inputs, family),
    ...oneOff,
  };
}

/**
 * The one-off task, checked against the service read in the preflight and the revision it runs (nothing changed
 * yet when an input is refused). A dry run that read nothing from ECS cannot know where the service runs.
 */
function runTaskPart(
  inputs: Inputs,
  service: Service | undefined,
  document: TaskDefinitionDocument | undefined,
  compared: boolean,
): Pick<DeployPlan, 'runTask' | 'runTaskUnplanned'> {
  if (!runTaskRequested(inputs.runTask)) {
    planRunTask({ options: inputs.runTask, cluster: inputs.cluster, taskDefinition: {} });
    return {};
  }
  if (!compared && (inputs.service || !document)) {
    return { runTaskUnplanned: `not read from ECS (${inputs.service ? `where ${inputs.service} runs` : 'the revision'} is unknown without AWS credentials)` };
  }
  // The document is the JSON ECS exchanges, as toRegisterInput sends it: the SDK's shape with fields kept.
  const taskDefinition = (document?.taskDefinition ?? {}) as RunTaskPlanInput['taskDefinition'];
  const plan = planRunTask({
    options: inputs.runTask,
    cluster: inputs.cluster,
    service,
    taskDefinition,
    defaultContainer: inputs.containerName || undefined,
  });
  return plan ? { runTask: plan } : {};
}

/** The service as the preflight read it, and the rollout kind that deploys it. */
async function readService(reporter: Reporter, reads: EcsReads, inputs: Inputs, region: string): Promise<{ service: Service; kind: RolloutKind }> {
  const read = await preflightService(reads.ecs, inputs.cluster, inputs.service, region, {
    forceNewDeployment: inputs.forceNewDeployment,
    createExpress: inputs.express.infrastructureRoleArn !== '',
    waitUntilPaused: inputs.waitUntil === 'paused' && inputs.wait,
  });
  const { service } = read;
  if (!service.serviceArn) {
    reporter.info(`Service ${inputs.service} does not exist in ${inputs.cluster}: it is created as an Express service.`);
    return read;
  }
  reporter.info(
    `Service ${inputs.service} in ${inputs.cluster}: ${service.taskDefinition ? familyRevision(service.taskDefinition) : read.kind.name === 'Express' ? 'an Express service' : '?'}, ${service.runningCount ?? 0}/${service.desiredCount ?? 0} running.`,
  );
  return read;
}

function serviceUpdate(inputs: Inputs, before: Service | undefined, kind: RolloutKind | undefined): ServiceUpdate<Service | undefined> {
  return {
    cluster: inputs.cluster,
    service: inputs.service,
    before,
    kind,
    ...(inputs.desiredCount !== undefined ? { desiredCount: inputs.desiredCount } : {}),
    forceNewDeployment: inputs.forceNewDeployment,
    ...updateServiceExtra(inputs),
    ...(inputs.wait
      ? {
          watch: {
            timeoutMs: inputs.waitTimeoutMs,
            pollIntervalMs: inputs.pollIntervalMs,
            rollback: inputs.rollback,
            rollbackOnCancel: inputs.rollbackOnCancel,
            waitForRollback: inputs.waitForRollback,
            ...(inputs.maxFailedTasks !== undefined ? { maxFailedTasks: inputs.maxFailedTasks } : {}),
            waitUntil: inputs.waitUntil,
            ...(inputs.pauseTimeoutMs !== undefined ? { pauseTimeoutMs: inputs.pauseTimeoutMs } : {}),
          },
        }
      : {}),
  };
}

/**
 * The CodeDeploy part of the plan for a service CodeDeploy deploys; the CodeDeploy SDK is loaded only then. For
 * any other service, codedeploy-* inputs given are said to be ignored.
 */
/** What the kind plans beyond the update (CodeDeploy's application, group and AppSpec); codedeploy-* inputs no kind used are said to be ignored. */
async function kindPart(deps: PlanDeps, inputs: Inputs, service: Service, kind: RolloutKind, reads: EcsReads): Promise<Pick<ServiceUpdate, 'codeDeploy' | 'express'>> {
  const planned = kind.plan ? await kind.plan({ reporter: deps.reporter, reads }, inputs, service) : {};
  if (planned.codeDeploy) return planned;
  const given = [
    ...(inputs.codeDeploy.application ? ['codedeploy-application'] : []),
    ...(inputs.codeDeploy.deploymentGroup ? ['codedeploy-deployment-group'] : []),
    ...(inputs.codeDeploy.deploymentConfig ? ['codedeploy-deployment-config'] : []),
    ...(inputs.codeDeploy.description ? ['codedeploy-deployment-description'] : []),
  ];
  if (given.length > 0) deps.reporter.warn(`${given.join(', ')}: ignored, as ${inputs.service} is not deployed by CodeDeploy.`);
  return planned;
}

/** The input a rendered task definition came from, for a refusal to name. */
function renderSource(base: Base): string {
  if (base.source === 'file') return 'task-definition';
  if (base.source === 'latest-revision') return 'family';
  return base.source === 'service' ? 'service' : 'container-name';
}

/** The managed EBS volumes given at launch name volumes the deployed revision leaves to launch (nothing changed yet). */
function checkLaunchVolumes(inputs: Inputs, document: TaskDefinitionDocument): void {
  if (inputs.serviceVolume?.name) checkLaunchVolume(document.taskDefinition, inputs.serviceVolume.name, 'service-managed-ebs-volume-name');
  for (const volume of inputs.runTask.volumeConfigurations ?? []) {
    if (volume.name) checkLaunchVolume(document.taskDefinition, volume.name, 'run-task-managed-ebs-volume-name');
  }
}

function updateServiceExtra(inputs: Inputs): Pick<ServiceUpdate, 'extra'> {
  const extra: UpdateServiceExtra = {
    ...(inputs.enableEcsManagedTags !== undefined ? { enableECSManagedTags: inputs.enableEcsManagedTags } : {}),
    ...(inputs.propagateTags ? { propagateTags: inputs.propagateTags } : {}),
    ...(inputs.serviceVolume ? { volumeConfigurations: [inputs.serviceVolume] } : {}),
  };
  return Object.keys(extra).length > 0 ? { extra } : {};
}

/** A dry run without credentials read no revision: it says so rather than calling the definition new. */
function notComparedLines(rendered: TaskDefinitionDocument): string[] {
  return [
    `not compared: the revisions of family ${rendered.taskDefinition.family ?? '(none)'} were not read (no AWS credentials)`,
    ...(rendered.taskDefinition.containerDefinitions ?? []).map((container) => `container ${container.name ?? '?'}: image ${container.image ?? '(none)'}`),
  ];
}

function keepRevisionsOf(inputs: Inputs, family: string): Pick<DeployPlan, 'keepRevisions'> {
  return inputs.keepRevisions !== undefined && family ? { keepRevisions: { family, keep: inputs.keepRevisions } } : {};
}

function chooseBase(
  inputs: Inputs,
  fileDocument: TaskDefinitionDocument | undefined,
  latest: DescribedRevision | undefined,
  running: DescribedRevision | undefined,
  compared: boolean,
): Base {
  if (fileDocument) return { source: 'file', label: inputs.taskDefinitionFile, document: fileDocument };
  if (latest && (inputs.family || !running)) {
    return { source: 'latest-revision', label: `${familyRevision(latest)} (latest ACTIVE revision)`, document: latest.document };
  }
  if (running && !inputs.family) {
    return { source: 'service', label: `${familyRevision(running)} (what ${inputs.service} runs now)`, document: running.document };
  }
  // Without credentials nothing was read: whether the family has revisions is not known.
  if (!compared) return { source: 'inputs', label: 'inputs alone (the family\'s revisions were not read: no AWS credentials)', unread: true };
  return { source: 'inputs', label: 'inputs (new family)' };
}

/**
 * The revision the service runs and the family's latest ACTIVE one, described once each; when they are the
 * same revision one call serves both.
 */
async function describeRevisions(
  ecs: EcsApi,
  runningTaskDefinition: string | undefined,
  knownFamily: string,
  needLatest: boolean,
): Promise<{ running?: DescribedRevision; latest?: DescribedRevision }> {
  const latestOfKnown = knownFamily ? await findTaskDefinition(ecs, knownFamily) : undefined;
  const running = !runningTaskDefinition
    ? undefined
    : latestOfKnown && sameRevision(latestOfKnown.arn, runningTaskDefinition)
      ? latestOfKnown
      : await findTaskDefinition(ecs, runningTaskDefinition);
  const latest = knownFamily || !needLatest || !running ? latestOfKnown : await findTaskDefinition(ecs, running.family);
  return { ...(running ? { running } : {}), ...(latest ? { latest } : {}) };
}

async function readTaskDefinitionFile(deps: PlanDeps, path: string): Promise<TaskDefinitionDocument> {
  let text: string;
  try {
    text = deps.readTextFile(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`task-definition: cannot read "${path}" (${code ?? String(error)}); give a path relative to the working directory.`);
  }
  // The YAML library is loaded only for a file that is not plain JSON: most runs read JSON and never need it.
  return parseTaskDefinitionText(text, path, needsYaml(text) ? await import('yaml') : undefined);
}

function warnUnmodelledBase(reporter: Reporter, revision: DescribedRevision): void {
  const fields = revision.unmodelledFields;
  reporter.warn(
    `ECS answered ${fields.join(', ')} in ${familyRevision(revision)}, which the bundled AWS SDK cannot read or send: a new revision would not have ${fields.length === 1 ? 'it' : 'them'}. Update ecs-deliver, or register that revision with another tool and deploy it with task-definition-arn.`,
  );
}

function warnUnmodelled(deps: PlanDeps, rendered: TaskDefinitionDocument): void {
  if (!deps.unmodelledFields) return;
  const fields = deps.unmodelledFields(rendered.taskDefinition);
  if (fields.length > 0) {
    deps.reporter.warn(
      `the bundled AWS SDK does not know ${fields.join(', ')}; ${fields.length === 1 ? 'it' : 'they'} will not be sent to ECS. Update ecs-deliver, or remove ${fields.length === 1 ? 'it' : 'them'} from the task definition.`,
    );
  }
}
