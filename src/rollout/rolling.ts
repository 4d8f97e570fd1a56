// A rolling update: ECS replaces tasks in place, watched through the service's deployments list; a rollback is
// StopServiceDeployment(ROLLBACK) while in flight, else an UpdateService back to the previous revision.
import { watchRolling } from '../watch/watch-rollout.js';
import { continuePausedDeployment } from './continue-paused.js';
import { deliverByUpdateService, updateServiceLines } from './ecs-update.js';
import { controllerOf, strategyOf, type RolloutKind } from './kind.js';
import { rollBackService, updateServiceBack } from './roll-back.js';

export const rolling: RolloutKind = {
  name: 'rolling',
  // No strategy named is a rolling update: endpoints older than deployment strategies name none.
  takes: (service) => controllerOf(service) === 'ECS' && (strategyOf(service) === undefined || strategyOf(service) === 'ROLLING'),
  forcesNewDeployment: true,
  dryRun: (update, deployed) =>
    updateServiceLines(update, deployed, update.watch?.waitUntil === 'traffic-shifted' ? 'the rollout (wait-until traffic-shifted: for a rolling update, until it completes)' : 'the rollout'),
  deliver: (deps, delivery) => deliverByUpdateService(deps, delivery, { watch: (w, target, options) => watchRolling(w, target, options), stopsServiceDeployment: false }),
  undoesOnCancel: (update) => update.watch?.rollbackOnCancel === true,
  putBack: ({ service, to }) => `a new rolling deployment puts ${service} back on ${to}.`,
  continuePaused: (deps, request) => continuePausedDeployment(deps, request, 'rolling', watchRolling),
  rollBack: (deps, request) => rollBackService(deps, request, watchRolling, updateServiceBack),
};
