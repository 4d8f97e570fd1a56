// deploymentConfiguration as CreateService / UpdateService take it and DescribeServices answers it: the rolling
// knobs, and the strategy with its bake time, lifecycle hooks and linear or canary steps.
import { invalidParameter } from './errors.js';
import {
  type Body,
  type Json,
  optionalBoolean,
  optionalNumber,
  optionalObject,
  optionalObjectList,
  optionalString,
  optionalStringList,
} from './input.js';
import type {
  CircuitBreakerConfig,
  DeploymentStrategy,
  LifecycleHookConfig,
  ServiceRecord,
  StrategyConfig,
} from './model.js';

const STRATEGIES: readonly DeploymentStrategy[] = ['ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY'];
const HOOK_STAGES = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRE_PRODUCTION_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
];

export const ROLLING: StrategyConfig = { strategy: 'ROLLING', lifecycleHooks: [] };

export function applyDeploymentConfiguration(service: ServiceRecord, configuration: Body | undefined, laterStrategies: readonly string[] = []): void {
  if (!configuration) return;
  const maximumPercent = optionalNumber(configuration, 'maximumPercent');
  const minimumHealthyPercent = optionalNumber(configuration, 'minimumHealthyPercent');
  if (maximumPercent !== undefined) service.maximumPercent = maximumPercent;
  if (minimumHealthyPercent !== undefined) service.minimumHealthyPercent = minimumHealthyPercent;
  service.strategy = strategyOf(configuration, service.strategy, laterStrategies);
  const breaker = optionalObject(configuration, 'deploymentCircuitBreaker');
  if (!breaker) return;
  const next: CircuitBreakerConfig = {
    enable: optionalBoolean(breaker, 'enable') ?? false,
    rollback: optionalBoolean(breaker, 'rollback') ?? false,
  };
  const resetOnHealthyTask = optionalBoolean(breaker, 'resetOnHealthyTask');
  if (resetOnHealthyTask !== undefined) next.resetOnHealthyTask = resetOnHealthyTask;
  const threshold = optionalObject(breaker, 'thresholdConfiguration');
  const type = threshold && optionalString(threshold, 'type');
  const value = threshold && optionalNumber(threshold, 'value');
  if (type !== undefined && value !== undefined) next.thresholdConfiguration = { type, value };
  service.circuitBreaker = next;
}

/** The strategy part of a deploymentConfiguration; what is not given stays as it was. */
export function strategyOf(configuration: Body, current: StrategyConfig, laterStrategies: readonly string[] = []): StrategyConfig {
  const name = optionalString(configuration, 'strategy') ?? current.strategy;
  const accepted = [...STRATEGIES, ...laterStrategies];
  if (!accepted.includes(name)) {
    throw invalidParameter(`strategy must be one of ${accepted.join(', ')}.`);
  }
  const next: StrategyConfig = { ...current, strategy: name as DeploymentStrategy };
  const bake = optionalNumber(configuration, 'bakeTimeInMinutes');
  if (bake !== undefined) next.bakeTimeInMinutes = bake;
  const hooks = optionalObjectList(configuration, 'lifecycleHooks');
  if (hooks) next.lifecycleHooks = hooks.map(hookOf);
  const linear = optionalObject(configuration, 'linearConfiguration');
  if (linear) {
    next.linear = {};
    const step = optionalNumber(linear, 'stepPercent');
    const stepBake = optionalNumber(linear, 'stepBakeTimeInMinutes');
    if (step !== undefined) next.linear.stepPercent = step;
    if (stepBake !== undefined) next.linear.stepBakeTimeInMinutes = stepBake;
  }
  const canary = optionalObject(configuration, 'canaryConfiguration');
  if (canary) {
    next.canary = {};
    const percent = optionalNumber(canary, 'canaryPercent');
    const canaryBake = optionalNumber(canary, 'canaryBakeTimeInMinutes');
    if (percent !== undefined) next.canary.canaryPercent = percent;
    if (canaryBake !== undefined) next.canary.canaryBakeTimeInMinutes = canaryBake;
  }
  return next;
}

function hookOf(body: Body): LifecycleHookConfig {
  const targetType = optionalString(body, 'targetType') ?? 'AWS_LAMBDA';
  if (targetType !== 'AWS_LAMBDA' && targetType !== 'PAUSE') throw invalidParameter('targetType must be AWS_LAMBDA or PAUSE.');
  const hookTargetArn = optionalString(body, 'hookTargetArn');
  if (targetType === 'AWS_LAMBDA' && hookTargetArn === undefined) throw invalidParameter('hookTargetArn is required for AWS_LAMBDA hooks.');
  const lifecycleStages = optionalStringList(body, 'lifecycleStages') ?? [];
  if (lifecycleStages.length === 0 || lifecycleStages.some((stage) => !HOOK_STAGES.includes(stage))) {
    throw invalidParameter(`lifecycleStages must name some of ${HOOK_STAGES.join(', ')}.`);
  }
  const timeout = optionalObject(body, 'timeoutConfiguration');
  const timeoutInMinutes = timeout && optionalNumber(timeout, 'timeoutInMinutes');
  const action = timeout && optionalString(timeout, 'action');
  if (action !== undefined && action !== 'CONTINUE' && action !== 'ROLLBACK') throw invalidParameter('action must be CONTINUE or ROLLBACK.');
  return {
    targetType,
    ...(hookTargetArn === undefined ? {} : { hookTargetArn }),
    lifecycleStages,
    ...(timeoutInMinutes === undefined ? {} : { timeoutInMinutes }),
    ...(action === undefined ? {} : { timeoutAction: action }),
    body,
  };
}

/** The strategy's members of the wire's deploymentConfiguration (nothing but `strategy` for rolling). */
export function strategyToWire(config: StrategyConfig): Body {
  const body: Body = { strategy: config.strategy };
  if (config.strategy === 'ROLLING') return body;
  if (config.bakeTimeInMinutes !== undefined) body['bakeTimeInMinutes'] = config.bakeTimeInMinutes;
  if (config.lifecycleHooks.length > 0) body['lifecycleHooks'] = config.lifecycleHooks.map((hook) => hook.body as Json);
  if (config.linear) body['linearConfiguration'] = { ...config.linear };
  if (config.canary) body['canaryConfiguration'] = { ...config.canary };
  return body;
}
