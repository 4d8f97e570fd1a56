import type { Body } from '../input.js';
import type { Timing } from '../scenarios.js';
import type { World } from '../world.js';

export interface OperationContext {
  readonly world: World;
  /** The request's time, after the timeline ran up to it. */
  readonly now: number;
  readonly serviceDeploymentApi: boolean;
  readonly timing: Timing;
}

export type Operation = (body: Body, context: OperationContext) => Body;
