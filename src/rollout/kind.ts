// What one kind of deployment owns, from the dry run to the cancel: rolling updates, ECS's blue/green, linear and
// canary deployments, CodeDeploy. The kind is chosen once, while planning, and carried in the plan.
import type { Service } from '@aws-sdk/client-ecs';
import type { ApplyDeps } from '../deploy/apply.js';
import type { EcsReads, ServiceUpdate } from '../deploy/plan.js';
import type { Inputs } from '../inputs/parse.js';
import type { Reporter } from '../report.js';
import type { RegisteredRevision } from '../deploy/register.js';
import type { Progress } from '../deploy/result.js';
import type { TaskDefinitionDocument } from '../taskdef/types.js';
import type { ContinueRequest, OperateDeps, OperateRequest, Operated } from './operate.js';

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
  deliver(deps: ApplyDeps, delivery: Delivery): Promise<Delivered>;
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

export interface KindPlanDeps {
  reporter: Reporter;
  reads: EcsReads;
}

export interface Delivery {
  region: string;
  update: ServiceUpdate;
  revision: RegisteredRevision;
  done: Progress;
  /** Marks the step apply is in; throws when the run was cancelled. */
  step(name: Progress['step']): void;
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
