// How the next deployments of a service behave. A scenario becomes a TaskPlan when it is set; the rollout reads
// only the plan.
import type { HookOutcome } from './model.js';

export type ScenarioName = 'healthy' | 'circuit-breaker' | 'failing-no-breaker' | 'never-stabilises' | 'superseded';

export type FailurePreset = 'exit' | 'oom' | 'image-pull' | 'health-check';

export interface TaskFailure {
  stoppedReason: string;
  stopCode: string;
  /** Exit code of the task's first essential container; absent when the container never ran. */
  exitCode?: number;
  /** The container's own `reason`. */
  containerReason?: string;
  /** Tasks that fail health checks reach RUNNING first (and so take an old task's place for a while). */
  reachesRunning?: boolean;
  /** Post "(service web) (task ID) failed container health checks." for each failed task. */
  healthCheckEvent?: boolean;
}

export interface Timing {
  /** From UpdateService to COMPLETED in a healthy rollout. */
  rolloutMs: number;
  /** From a failing task's launch to its stop. */
  taskLifetimeMs: number;
  /** Wait before a failed task is replaced. */
  retryDelayMs: number;
  /** Longest wait between replacements once ECS backs off ("unable to consistently start tasks"). */
  maxRetryDelayMs: number;
  /** From the circuit breaker tripping to the end of ECS's rollback (ROLLBACK_SUCCESSFUL or ROLLBACK_FAILED); as long as a rollout unless set. */
  rollbackMs: number;
  /** BLUE_GREEN, LINEAR, CANARY: the least time in each lifecycle stage. */
  stageMs: number;
  /** How long a lambda lifecycle hook runs before it passes or fails. */
  hookMs: number;
}

export type Scenario =
  | ScenarioName
  /** `hooks`: how lambda lifecycle hooks of a BLUE_GREEN, LINEAR or CANARY service end, by hook target ARN. */
  | { name: 'healthy'; rolloutMs?: number; hooks?: Record<string, HookOutcome> }
  | {
      name: 'circuit-breaker' | 'failing-no-breaker';
      failure?: FailurePreset | TaskFailure;
      taskLifetimeMs?: number;
      retryDelayMs?: number;
      maxRetryDelayMs?: number;
      rollbackMs?: number;
      /** ECS's rollback fails too: the service deployment ends ROLLBACK_FAILED after rollbackMs. */
      rollbackFails?: boolean;
    }
  | { name: 'never-stabilises'; runningTasks?: number; rolloutMs?: number }
  | { name: 'superseded'; supersedeAfterMs?: number; rolloutMs?: number };

export type TaskPlan =
  | { tasks: 'healthy'; rolloutMs: number; supersedeAfterMs?: number; hooks?: Record<string, HookOutcome> }
  | {
      tasks: 'failing';
      /** Which outcome the scenario promised; the service's breaker config decides the real one. */
      breakerExpected: boolean;
      failure: TaskFailure;
      taskLifetimeMs: number;
      retryDelayMs: number;
      maxRetryDelayMs: number;
      rollbackMs: number;
      rollbackFails: boolean;
    }
  | { tasks: 'stuck'; runningTasks: number | undefined; rolloutMs: number };

export const DEFAULT_TIMING: Timing = {
  rolloutMs: 4000,
  taskLifetimeMs: 800,
  retryDelayMs: 300,
  maxRetryDelayMs: 2400,
  rollbackMs: 4000,
  stageMs: 300,
  hookMs: 400,
};

export const FAILURES: Record<FailurePreset, TaskFailure> = {
  exit: { stoppedReason: 'Essential container in task exited', stopCode: 'EssentialContainerExited', exitCode: 1 },
  oom: {
    stoppedReason: 'Essential container in task exited',
    stopCode: 'EssentialContainerExited',
    exitCode: 137,
    containerReason: 'OutOfMemoryError: Container killed due to memory usage',
  },
  'image-pull': {
    stoppedReason:
      'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref: not found',
    stopCode: 'TaskFailedToStart',
    containerReason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s): not found',
  },
  'health-check': {
    stoppedReason: 'Task failed container health checks',
    stopCode: 'ServiceSchedulerInitiated',
    exitCode: 137,
    reachesRunning: true,
    healthCheckEvent: true,
  },
};

export type ScenarioSpec = Exclude<Scenario, ScenarioName>;

export function planFor(scenario: Scenario, timing: Timing): TaskPlan {
  // Every name alone is a valid spec: all options are optional.
  const spec = typeof scenario === 'string' ? ({ name: scenario } as ScenarioSpec) : scenario;
  switch (spec.name) {
    case 'healthy':
      return { ...healthyPlan(spec.rolloutMs ?? timing.rolloutMs), ...(spec.hooks ? { hooks: spec.hooks } : {}) };
    case 'superseded': {
      const rolloutMs = spec.rolloutMs ?? timing.rolloutMs;
      return { tasks: 'healthy', rolloutMs, supersedeAfterMs: spec.supersedeAfterMs ?? rolloutMs / 2 };
    }
    case 'never-stabilises':
      return { tasks: 'stuck', runningTasks: spec.runningTasks, rolloutMs: spec.rolloutMs ?? timing.rolloutMs };
    case 'circuit-breaker':
    case 'failing-no-breaker': {
      const failure = spec.failure ?? 'exit';
      const retryDelayMs = spec.retryDelayMs ?? timing.retryDelayMs;
      return {
        tasks: 'failing',
        breakerExpected: spec.name === 'circuit-breaker',
        failure: typeof failure === 'string' ? FAILURES[failure] : failure,
        taskLifetimeMs: spec.taskLifetimeMs ?? timing.taskLifetimeMs,
        retryDelayMs,
        maxRetryDelayMs: Math.max(retryDelayMs, spec.maxRetryDelayMs ?? timing.maxRetryDelayMs),
        rollbackMs: spec.rollbackMs ?? timing.rollbackMs,
        rollbackFails: spec.rollbackFails === true,
      };
    }
  }
}

export const healthyPlan = (rolloutMs: number): TaskPlan => ({ tasks: 'healthy', rolloutMs });
