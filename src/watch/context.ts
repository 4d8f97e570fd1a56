import type { EcsApi } from '../aws/ecs.js';
import type { Clock } from '../clock.js';
import type { Reporter } from '../report.js';
import type { RolloutTarget, WatchOptions, WatchOutcome } from './contract.js';
import type { Observer } from './observe.js';

export interface WatchDeps {
  ecs: EcsApi;
  /** ECS calls the run's cancel does not abort, for the rollback of rollback-on-cancel (default: ecs). */
  ecsAfterCancel?: EcsApi;
  clock: Clock;
  reporter: Reporter;
}

/** What every watch of one run shares: the rollout's and, when there is one, the rollback's. */
export interface WatchContext extends WatchDeps {
  target: RolloutTarget;
  options: WatchOptions;
  observer: Observer;
  /** Keys of the service events already printed. */
  seenEvents: Set<string>;
}


/** Watches one kind of rollout to its end. */
export type Watcher = (deps: WatchDeps, target: RolloutTarget, options: WatchOptions) => Promise<WatchOutcome>;
