// The one-off task as part of a deploy plan: decided from reads alone (the inputs, the service, the revision),
// printed by a dry run, and turned into the RunTask call once apply knows the registered revision's ARN.
import type { ContainerDefinition, RunTaskCommandInput, Service } from '@aws-sdk/client-ecs';
import { checkRunTaskOptions, chosenContainer, runTaskRequested, type RunTaskOptions } from './options.js';
import { resolvePlacement, type Placement } from './placement.js';
import { buildRunTaskRequest } from './request.js';
import { describeRunTask } from './describe.js';

export interface RunTaskPlan {
  cluster: string;
  container: string;
  options: RunTaskOptions;
  placement: Placement;
  /** The revision's containers: log configuration and which are essential. */
  containerDefinitions: readonly ContainerDefinition[];
}

export interface RunTaskPlanInput {
  options: RunTaskOptions;
  cluster: string;
  /** The service the run updates after the task; undefined for a run-only task. */
  service?: Service | undefined;
  /** The revision the task runs (rendered or described): its network mode and containers. */
  taskDefinition: { networkMode?: string | undefined; containerDefinitions?: readonly ContainerDefinition[] | undefined };
  /** The container that gets image. */
  defaultContainer?: string | undefined;
}

/** undefined when no task is asked for; throws InputError for inputs that cannot run (nothing changed yet). */
export function planRunTask(input: RunTaskPlanInput): RunTaskPlan | undefined {
  const containerDefinitions = input.taskDefinition.containerDefinitions ?? [];
  const containers = containerDefinitions.map((definition) => definition.name ?? '');
  const context = {
    hasService: input.service !== undefined,
    networkMode: input.taskDefinition.networkMode,
    containers,
    defaultContainer: input.defaultContainer ?? (containers.length === 1 ? containers[0] : undefined),
  };
  checkRunTaskOptions(input.options, context);
  if (!runTaskRequested(input.options)) return undefined;
  return {
    cluster: input.cluster,
    container: chosenContainer(input.options, context),
    options: input.options,
    placement: resolvePlacement(input.service, input.options, input.taskDefinition.networkMode),
    containerDefinitions,
  };
}

export function runTaskRequestFor(plan: RunTaskPlan, taskDefinitionArn: string, clientToken: string): RunTaskCommandInput {
  return buildRunTaskRequest({
    cluster: plan.cluster,
    taskDefinitionArn,
    container: plan.container,
    options: plan.options,
    placement: plan.placement,
    clientToken,
  });
}

/** The dry run's lines; `revision` names the revision (family:revision, or "the new revision"). */
export function describeRunTaskPlan(plan: RunTaskPlan, revision: string): string[] {
  return describeRunTask(runTaskRequestFor(plan, revision, 'dry-run'), plan.container, plan.options.wait, plan.options.timeoutMs);
}
