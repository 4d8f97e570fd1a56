// The stand-in's in-memory records. Times are epoch milliseconds; they become epoch seconds on the wire.
import type { Body } from './input.js';
import type { ExpressRecord } from './express.js';
import type { TaskPlan } from './scenarios.js';

export interface Tag {
  key: string;
  value: string;
}

export type TaskDefinitionStatus = 'ACTIVE' | 'INACTIVE' | 'DELETE_IN_PROGRESS';

export interface TaskDefinitionRecord {
  arn: string;
  family: string;
  revision: number;
  status: TaskDefinitionStatus;
  /** What was registered, with the defaults ECS fills in, without read-only fields. */
  body: Body;
  tags: Tag[];
  registeredAt: number;
  registeredBy: string;
  deregisteredAt?: number;
  deleteRequestedAt?: number;
}

export interface ClusterRecord {
  name: string;
  arn: string;
  createdAt: number;
  services: Map<string, ServiceRecord>;
}

export type DeploymentController = 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL';
export type ServiceStatus = 'ACTIVE' | 'DRAINING' | 'INACTIVE';

export interface CircuitBreakerConfig {
  enable: boolean;
  rollback: boolean;
  thresholdConfiguration?: { type: string; value: number };
  resetOnHealthyTask?: boolean;
}

export interface ServiceRecord {
  name: string;
  arn: string;
  clusterName: string;
  clusterArn: string;
  status: ServiceStatus;
  desiredCount: number;
  taskDefinitionArn: string;
  controller: DeploymentController;
  circuitBreaker: CircuitBreakerConfig;
  maximumPercent: number;
  minimumHealthyPercent: number;
  launchType: string;
  networkConfiguration?: Body;
  capacityProviderStrategy?: Body[];
  platformVersion?: string;
  loadBalancers?: Body[];
  tags: Tag[];
  createdAt: number;
  /** PRIMARY first, then ACTIVE ones, newest first; INACTIVE ones leave this list. */
  deployments: DeploymentRecord[];
  /** Newest first, at most 100. */
  events: EventRecord[];
  tasks: TaskRecord[];
  /** Newest first. */
  serviceDeployments: ServiceDeploymentRecord[];
  lastCompletedDeploymentId?: string;
  /** Whether "has reached a steady state." was posted since the last change. */
  steady: boolean;
  /** The plan for the next deployments UpdateService starts; healthy once used up. */
  nextPlan: { plan: TaskPlan; remaining: number } | undefined;
  reconcileTimes: Set<number>;
  /** ROLLING, or ECS's own BLUE_GREEN, LINEAR, CANARY with what configures them. */
  strategy: StrategyConfig;
  /** Set for an Express Mode service (CreateExpressGatewayService). */
  express?: ExpressRecord;
}

export type DeploymentStrategy = 'ROLLING' | 'BLUE_GREEN' | 'LINEAR' | 'CANARY';

export interface LifecycleHookConfig {
  targetType: 'AWS_LAMBDA' | 'PAUSE';
  hookTargetArn?: string;
  lifecycleStages: string[];
  timeoutInMinutes?: number;
  timeoutAction?: 'CONTINUE' | 'ROLLBACK';
  /** As sent, for the answer. */
  body: Body;
}

export interface StrategyConfig {
  strategy: DeploymentStrategy;
  /** Minutes; fractions are taken, so tests can bake for seconds. */
  bakeTimeInMinutes?: number;
  lifecycleHooks: LifecycleHookConfig[];
  linear?: { stepPercent?: number; stepBakeTimeInMinutes?: number };
  canary?: { canaryPercent?: number; canaryBakeTimeInMinutes?: number };
}

export type HookStatus = 'AWAITING_ACTION' | 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT';

export interface HookRecord {
  hookId: string;
  /** Index of the step in StageRun.steps the hook ran in. */
  step: number;
  targetType: 'AWS_LAMBDA' | 'PAUSE';
  targetArn?: string;
  stage: string;
  status: HookStatus;
  expiresAt: number;
  timeoutAction: 'CONTINUE' | 'ROLLBACK';
}

export type DeploymentStatus = 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
export type RolloutState = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

export interface DeploymentRecord {
  id: string;
  status: DeploymentStatus;
  taskDefinitionArn: string;
  desiredCount: number;
  failedTasks: number;
  rolloutState: RolloutState;
  rolloutStateReason: string;
  createdAt: number;
  updatedAt: number;
  revisionArn: string;
  /** The service deployment that made this deployment PRIMARY, or that is rolling back to it. */
  serviceDeployment: ServiceDeploymentRecord | undefined;
  plan: TaskPlan;
  launchNotBefore: number;
  completeNotBefore: number;
  retryDelayMs: number;
  launched: number;
  unableToStartPosted: boolean;
}

export interface EventRecord {
  id: string;
  createdAt: number;
  message: string;
}

export type TaskStatus = 'PENDING' | 'RUNNING' | 'STOPPED';

export interface ContainerRecord {
  arn: string;
  name: string;
  image: string;
  essential: boolean;
  lastStatus: TaskStatus;
  exitCode?: number;
  reason?: string;
}

export interface TaskRecord {
  id: string;
  arn: string;
  clusterArn: string;
  serviceName: string;
  deploymentId: string;
  taskDefinitionArn: string;
  family: string;
  launchType: string;
  lastStatus: TaskStatus;
  desiredStatus: 'RUNNING' | 'STOPPED';
  healthStatus: 'UNKNOWN' | 'HEALTHY' | 'UNHEALTHY';
  cpu?: string;
  memory?: string;
  createdAt: number;
  startedAt?: number;
  stoppingAt?: number;
  stoppedAt?: number;
  stoppedReason?: string;
  stopCode?: string;
  containers: ContainerRecord[];
  version: number;
}

export type ServiceDeploymentStatus =
  | 'PENDING'
  | 'IN_PROGRESS'
  | 'SUCCESSFUL'
  | 'STOPPED'
  | 'STOP_REQUESTED'
  | 'ROLLBACK_REQUESTED'
  | 'ROLLBACK_IN_PROGRESS'
  | 'ROLLBACK_SUCCESSFUL'
  | 'ROLLBACK_FAILED';

export type BreakerMonitorStatus = 'TRIGGERED' | 'MONITORING' | 'MONITORING_COMPLETE' | 'DISABLED';

export interface ServiceDeploymentRecord {
  arn: string;
  serviceArn: string;
  clusterArn: string;
  status: ServiceDeploymentStatus;
  statusReason?: string;
  createdAt: number;
  updatedAt: number;
  startedAt?: number;
  finishedAt?: number;
  stoppedAt?: number;
  target: DeploymentRecord;
  sources: DeploymentRecord[];
  rollback?: { reason: string; startedAt: number; serviceRevisionArn: string };
  breakerStatus: BreakerMonitorStatus;
  threshold: number;
  deploymentConfiguration: Body;
  /** Set for BLUE_GREEN, LINEAR and CANARY: where the run through the lifecycle stages stands. */
  stages?: StageRun;
}

export interface StageRun {
  lifecycleStage?: string;
  /** Share of production (test) traffic on the target revision, 0..100. */
  productionWeight: number;
  testWeight: number;
  hooks: HookRecord[];
  /** The deployment that had production traffic before: where a rollback goes. */
  blue: DeploymentRecord | undefined;
  steps: StageStep[];
  /** The step in progress. */
  index: number;
  /** The step begun last (-1 before the first), and when. */
  begun: number;
  begunAt: number;
  /** Each stage as it began, with when (epoch ms): what a benchmark compares a watcher's log with. */
  history: { stage: string; at: number }[];
  /** Lambda hooks' outcomes by target ARN: pass unless named. */
  hookOutcomes: Readonly<Record<string, HookOutcome>>;
}

export type HookOutcome = 'pass' | 'fail' | 'time-out';

export interface StageStep {
  stage: string;
  /** Least time spent in the stage: the stage's own work, a step's or the final bake time. */
  durationMs: number;
  /** Production (test) traffic share on the target once the step begins. */
  productionWeight?: number;
  testWeight?: number;
  /** SCALE_UP: done once the target's tasks all serve. */
  scaleUp?: boolean;
  /** CLEAN_UP: the source revisions' tasks stop. */
  cleanUp?: boolean;
}

export function isFinished(status: ServiceDeploymentStatus): boolean {
  return ['SUCCESSFUL', 'STOPPED', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED'].includes(status);
}
