// ECS's own blue/green, linear and canary deployments: one UpdateService, then the service deployment's lifecycle
// stages; a rollback of what is in flight is StopServiceDeployment (or ContinueServiceDeployment ROLLBACK at a
// pause), never an UpdateService back, which would break the traffic setup; `rollback` after the deployment ended
// is a new service deployment of the earlier revision.
import { watchStaged } from '../watch/watch-rollout.js';
import { continuePausedDeployment } from './continue-paused.js';
import { deliverByUpdateService, updateServiceLines } from './ecs-update.js';
import { controllerOf, strategyOf, type RolloutKind } from './kind.js';
import { pauseStages } from './paused-deployment.js';
import { rollBackService, updateServiceBack } from './roll-back.js';

/** The strategies ECS walks through lifecycle stages, and how the log names each. */
const STRATEGIES: ReadonlyMap<string, string> = new Map([
  ['BLUE_GREEN', 'blue/green'],
  ['LINEAR', 'linear'],
  ['CANARY', 'canary'],
]);

function named(strategy: string | undefined): string {
  return STRATEGIES.get(strategy ?? '') ?? (strategy ?? 'staged').toLowerCase();
}

export const staged: RolloutKind = {
  name: 'blue/green, linear or canary',
  takes: (service) => controllerOf(service) === 'ECS' && STRATEGIES.has(strategyOf(service) ?? ''),
  forcesNewDeployment: true,
  dryRun: (update, deployed) => {
    const until = { 'traffic-shifted': ' until production traffic has moved', paused: ' until a PAUSE hook awaits action', completed: '' }[update.watch?.waitUntil ?? 'completed'];
    const kind = named(update.before?.deploymentConfiguration?.strategy);
    return updateServiceLines(update, deployed, `the ${kind} service deployment, stage by stage${until}`);
  },
  deliver: (deps, delivery) => deliverByUpdateService(deps, delivery, { watch: watchStaged, stopsServiceDeployment: true }),
  undoesOnCancel: (update) => update.watch?.rollbackOnCancel === true,
  pausesAt: pauseStages,
  putBack: ({ service, deployed, to, completed, strategy }) =>
    `a new ${named(strategy)} service deployment puts ${service} back on ${to}, through its stages again${completed ? `; the completed deployment of ${deployed} is not undone` : ''}.`,
  continuePaused: (deps, request) => continuePausedDeployment(deps, request, named(strategyOf(request.service)), watchStaged),
  rollBack: (deps, request) => rollBackService(deps, request, watchStaged, updateServiceBack),
};
