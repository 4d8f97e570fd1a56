// Every kind of rollout ecs-deliver knows, one line each. A service no kind takes is refused in the preflight.
import type { Service } from '@aws-sdk/client-ecs';
import type { RolloutKind } from './kind.js';
import { codeDeploy } from './codedeploy.js';
import { express } from './express.js';
import { rolling } from './rolling.js';
import { staged } from './staged.js';

export const ROLLOUT_KINDS: readonly RolloutKind[] = [
  // First: an Express service has a strategy the others would take it by.
  express,
  rolling,
  staged,
  codeDeploy,
];

/** The kind that deploys the service; undefined when none does. */
export function kindFor(service: Service): RolloutKind | undefined {
  return ROLLOUT_KINDS.find((kind) => kind.takes(service));
}
