// What the deploy flow hands the rollout watcher, and what it gets back.

export type DeploymentStatus =
  | 'COMPLETED'
  | 'ROLLED_BACK'
  | 'FAILED'
  | 'TIMED_OUT'
  | 'SUPERSEDED'
  | 'CANCELLED'
  | 'SKIPPED'
  /** wait-until paused: the deployment waits at a PAUSE hook for someone to continue or roll it back. */
  | 'PAUSED'
  /** The outcome could not be observed (ECS stopped answering): the deployment may still be running. */
  | 'UNKNOWN'
  /** Nothing was changed: bad input, a failed preflight, or a failure before the first change. */
  | 'NOT_STARTED';

export interface RolloutTarget {
  cluster: string;
  service: string;
  region: string;
  /** The task definition this run put on the service. */
  taskDefinitionArn: string;
  /** The `ecs-svc/...` id of this run's deployment, when the update created one and it could be identified. */
  deploymentId?: string;
  /** `service.currentServiceDeployment` of the UpdateService answer, when the endpoint gave one. */
  serviceDeploymentArn?: string;
  /** Deployment ids the service had before the update. */
  deploymentIdsBefore: readonly string[];
  /** The service deployment the service named before the update: an earlier run's, never this run's. */
  serviceDeploymentArnBefore?: string;
  /** Keys (`eventKey`) of the service events listed before the update: none of them is this run's to print. */
  eventKeysBefore?: readonly string[];
  /** What the service ran before this run: where a rollback goes. */
  previous: { taskDefinitionArn: string; desiredCount: number };
  /**
   * `deploymentConfiguration.strategy` of the service (ROLLING, BLUE_GREEN, LINEAR, CANARY), as read before the
   * update or answered by it, for what the log calls the deployment; the plan's rollout kind chose the watcher.
   */
  strategy?: string;
}

export interface WatchOptions {
  timeoutMs: number;
  pollIntervalMs: number;
  maxFailedTasks?: number;
  rollback: boolean;
  rollbackOnCancel: boolean;
  /** Follow a rollback ECS started by itself to its end (default); false ends the wait as soon as it starts. */
  waitForRollback?: boolean;
  /** Blue/green, linear, canary: `traffic-shifted` ends the wait once production traffic has fully moved. */
  waitUntil?: 'completed' | 'traffic-shifted' | 'paused';
  /** Longest wait at a PAUSE hook; when set, pauses do not count toward timeoutMs. */
  pauseTimeoutMs?: number;
  /**
   * Blue/green, linear, canary: called at each PAUSE hook the service deployment the target names waits at, to let
   * it go on (this run's own decision, such as a rollback's go-ahead for the deployment it started); the watch then
   * follows on, within the same timeoutMs. Resolves once ECS no longer shows the hook awaiting action.
   */
  continuePause?: (paused: PausedDeploymentAt) => Promise<void>;
  /** Aborted when the job is cancelled (SIGINT / SIGTERM). */
  cancel: AbortSignal;
}

export interface StoppedTaskReport {
  taskArn: string;
  stoppedReason?: string;
  stopCode?: string;
  containers: { name: string; exitCode?: number; reason?: string }[];
}

export interface FailureReport {
  reason: string;
  events: string[];
  stoppedTasks: StoppedTaskReport[];
}

export interface WatchOutcome {
  status: DeploymentStatus;
  /** One line saying what happened, for the log and the summary. */
  message: string;
  /** `family:revision` the service went back to, by ECS or by this run. */
  rolledBackTo?: string;
  /** The task definition that took over, for SUPERSEDED. */
  supersededBy?: string;
  failure?: FailureReport;
  /**
   * For UNKNOWN (and a rollback whose end could not be observed): the state of the deployment in the last answer
   * ECS gave, such as `1/2 running on web:3, IN_PROGRESS; 2 deployments`.
   */
  lastSeen?: string;
  /** When that last answer came, ISO 8601. */
  lastSeenAt?: string;
  /** The service deployment followed (blue/green, linear, canary), when known. */
  serviceDeploymentArn?: string;
  /** Lifecycle stages the service deployment went through, in order (blue/green, linear, canary). */
  stages?: string[];
  /** COMPLETED with wait-until traffic-shifted: production traffic moved, the bake time was still running. */
  bakeTimeRunning?: boolean;
  /** PAUSED: where the deployment waits, and when ECS acts by itself. */
  paused?: PausedAt;
}

export interface PausedAt {
  hookId: string;
  /** The lifecycle stage it waits at. */
  stage: string;
  /** ISO 8601; when the hook expires and ECS continues or rolls back by itself. */
  expiresAt?: string;
}

/** Where a service deployment waits, and which one. */
export interface PausedDeploymentAt extends PausedAt {
  serviceDeploymentArn: string;
}
