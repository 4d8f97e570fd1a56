// The RunTask call for a one-off task: one task of the revision this run deploys, with the chosen container's
// command, tags and placement. The client token makes the call safe to retry: ECS starts at most one task for it.
import type { ContainerOverride, RunTaskCommandInput } from '@aws-sdk/client-ecs';
import type { Placement } from './placement.js';
import type { RunTaskOptions } from './options.js';

export interface RunTaskRequestParts {
  cluster: string;
  taskDefinitionArn: string;
  /** The container run-task-command applies to. */
  container: string;
  options: RunTaskOptions;
  placement: Placement;
  /** Up to 64 characters, unique per run (for instance a random UUID). */
  clientToken: string;
}

export function buildRunTaskRequest(parts: RunTaskRequestParts): RunTaskCommandInput {
  const { options, placement } = parts;
  const request: RunTaskCommandInput = {
    cluster: parts.cluster,
    taskDefinition: parts.taskDefinitionArn,
    count: 1,
    startedBy: options.startedBy,
    clientToken: parts.clientToken.slice(0, 64),
  };
  const containerOverrides = overridesFor(parts.container, options);
  if (containerOverrides) request.overrides = { containerOverrides };
  if (options.tags.length > 0) request.tags = options.tags.map((tag) => ({ ...tag }));
  if (options.propagateTags) request.propagateTags = options.propagateTags;
  if (options.enableEcsManagedTags !== undefined) request.enableECSManagedTags = options.enableEcsManagedTags;
  if (options.volumeConfigurations) request.volumeConfigurations = structuredClone([...options.volumeConfigurations]);
  if (placement.launchType) request.launchType = placement.launchType;
  if (placement.capacityProviderStrategy) request.capacityProviderStrategy = placement.capacityProviderStrategy;
  if (placement.platformVersion) request.platformVersion = placement.platformVersion;
  if (placement.networkConfiguration) request.networkConfiguration = placement.networkConfiguration;
  return request;
}

function overridesFor(container: string, options: RunTaskOptions): ContainerOverride[] | undefined {
  if (options.command) return [{ name: container, command: [...options.command] }];
  if (options.containerOverrides) return options.containerOverrides.map((override) => ({ ...override }));
  return undefined;
}

/** The command the chosen container runs, as a line to print; undefined when it keeps the revision's own. */
export function commandOf(request: RunTaskCommandInput, container: string): readonly string[] | undefined {
  return request.overrides?.containerOverrides?.find((override) => override.name === container)?.command;
}
