// What one kind of deployment owns, from the dry run to the cancel: rolling updates, ECS's blue/green, linear and
// canary deployments, CodeDeploy. The kind is chosen once, while planning, and carried in the plan.
import type { Service } from '@aws-sdk/client-ecs';
import type { AwsSession } from '../aws/clients.js';
import type { EcsApi } from '../aws/ecs.js';
import type { Clock } from '../clock.js';
import type { CodeDeployPlan } from '../codedeploy/plan.js';
import type { PreparedImage } from '../image/prepare.js';
import type { Inputs } from '../inputs/parse.js';
import type { Reporter } from '../report.js';
import type { TaskDefinitionDocument } from '../taskdef/types.js';
import type { ContinueRequest, OperateDeps, OperateRequest, Operated } from './operate.js';
import type { Watcher } from '../watch/context.js';
import type { RolloutTarget, WatchOptions, WatchOutcome } from '../watch/contract.js';
import type { UpdateServiceExtra } from '../watch/start-deployment.js';
import type { ExpressPlan } from './express.js';

export interface RolloutKind {
  /** How the log names it: `rolling`, `blue/green`, `CodeDeploy`. */
  readonly name: string;
  /** True when this kind deploys the service as the preflight read it (its deployment controller and strategy). */
  takes(service: Service): boolean;
  /** False when ECS cannot force a new deployment of such a service (force-new-deployment is refused). */
  readonly forcesNewDeployment: boolean;
  /** Reads and plans what the kind needs beyond the update, before anything changes (CodeDeploy: its deployment group and AppSpec). */
  plan?(deps: KindPlanDeps, inputs: Inputs, service: Service): Promise<Pick<ServiceUpdate, 'codeDeploy' | 'express'>>;
  /** The rendered task definition made fit for the kind, or refused naming the input (`source`: where it came from). */
  finishRender?(rendered: TaskDefinitionDocument, source: string): TaskDefinitionDocument;
  /** What a dry run says the update step would do with `deployed` (such as `web:4`). */
  dryRun(update: ServiceUpdate<Service | undefined>, deployed: string): string[];
  /** Starts the deployment of the revision and, unless wait is false, watches it to its end. */
  deliver(deps: RolloutDeps, delivery: Delivery): Promise<Delivered>;
  /** True when a cancel during the update or the watch undoes what the update started, waiting for that one answer. */
  undoesOnCancel(update: ServiceUpdate<Service | undefined>): boolean;
  /** The lifecycle stages where the service's deployments wait for someone (PAUSE hooks); absent or empty: they never do. */
  pausesAt?(service: Service): string[];
  /** For rollback-all: what putting the service back means. */
  putBack(back: PutBack): string;
  /**
   * `continue`: finds the deployment that waits for someone, lets it go on and watches it to its end the kind's way,
   * with a deploy's rules; refused (PreflightError) when nothing waits. Absent: the kind's deployments never wait.
   */
  continuePaused?(deps: OperateDeps, request: ContinueRequest): Promise<Operated>;
  /**
   * `rollback`: puts the service back on the revision it ran before (what is in flight rolled back, else the earlier
   * revision deployed) and watches that the kind's way; refused (PreflightError) when there is nothing to go back to.
   * Absent: the kind cannot roll back.
   */
  rollBack?(deps: OperateDeps, request: OperateRequest): Promise<Operated>;
}

/** What a kind deploys: the service as the preflight read it, and how to update it. */
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

/** What planning reads ECS (and CodeDeploy or the Express API, for those kinds) through. */
export interface EcsReads {
  ecs: EcsApi;
  region: string;
  /** CodeDeploy's clients, made only for a service CodeDeploy deploys. */
  codeDeploy?: AwsSession['codeDeploy'];
  /** The Express calls, for an Express service. */
  express?: AwsSession['express'];
}

/** What a kind needs of the run that delivers it. */
export interface RolloutDeps {
  session: AwsSession;
  reporter: Reporter;
  clock: Clock;
  cancel: AbortSignal;
  /** Watches an ECS rollout with the watcher of its kind. */
  watch(target: RolloutTarget, options: WatchOptions, watcher: Watcher): Promise<WatchOutcome>;
  /** The clock every poll loop sleeps on: a run of many services wakes its watchers on a shared tick. */
  watchClock?: Clock;
  /** Waited for before a watch begins: a run of many services starts its watchers on the shared tick. */
  beforeWatch?(cancel: AbortSignal): Promise<void>;
}

/** A revision of the task definition, registered by this run or reused. */
export interface RegisteredRevision {
  arn: string;
  revision: number;
  registered: boolean;
}

/** The steps of one service's delivery, in order. */
export type DeliveryStep = 'plan' | 'image' | 'register' | 'run-task' | 'update' | 'watch' | 'keep-revisions' | 'done';

/** What a kind records as the delivery goes: the run's result is built from it, also when the run ends early. */
export interface RolloutProgress {
  /** The step running now, or the last one that ran. */
  step: DeliveryStep;
  /** The image this run published, when it did. */
  image?: PreparedImage;
  /** Set once the update was answered. */
  target?: RolloutTarget;
  /** Set once CodeDeploy created this run's deployment. */
  codeDeployDeploymentId?: string;
  /** An Express service's ARN and URL, once it was updated or created. */
  express?: { serviceArn: string; endpoint?: string };
  outcome?: WatchOutcome;
}

export interface KindPlanDeps {
  reporter: Reporter;
  reads: EcsReads;
}

export interface Delivery {
  region: string;
  update: ServiceUpdate;
  revision: RegisteredRevision;
  done: RolloutProgress;
  /** Marks the step apply is in; throws when the run was cancelled. */
  step(name: DeliveryStep): void;
}

/** Whether keep-revisions may run now, and when not, why (said only when keep-revisions was asked for). */
export type Delivered = { keepRevisions: true } | { keepRevisions: false; notRunBecause?: string };

export interface PutBack {
  service: string;
  /** `family:revision` this run deployed, and whether its deployment completed. */
  deployed: string;
  completed: boolean;
  /** `family:revision` the service goes back to. */
  to: string;
  /** The service's deployment strategy, as ECS names it. */
  strategy?: string;
}

/** The service's deployment controller; ECS when it names none. */
export function controllerOf(service: Service): string {
  return service.deploymentController?.type ?? 'ECS';
}

/** The service's deployment strategy, as ECS names it; undefined from endpoints that name none. */
export function strategyOf(service: Service): string | undefined {
  return service.deploymentConfiguration?.strategy;
}
