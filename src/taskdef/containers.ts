// Which container an input applies to.
import { InputError } from '../errors.js';
import type { ContainerDefinition } from './types.js';

export function containerNames(containers: readonly ContainerDefinition[]): string[] {
  return containers.map((container, index) => container.name ?? `#${index + 1} (no name)`);
}

function listNames(containers: readonly ContainerDefinition[]): string {
  return containers.length === 0 ? 'no containers' : containerNames(containers).join(', ');
}

/** Index of the container named `name`, for the input `inputName`. */
export function findContainer(containers: readonly ContainerDefinition[], name: string, inputName: string): number {
  const index = containers.findIndex((container) => container.name === name);
  if (index === -1) {
    throw new InputError(`${inputName}: the task definition has no container named "${name}"; it has: ${listNames(containers)}`);
  }
  return index;
}

/**
 * The container that image, environment, secrets, command, cpu, memory and repository-credentials apply to:
 * the one container-name names, else the only one. `wanted` lists the inputs that need it, for the message.
 */
export function defaultContainer(
  containers: readonly ContainerDefinition[],
  containerName: string | undefined,
  wanted: readonly string[],
): number {
  if (containerName !== undefined) return findContainer(containers, containerName, 'container-name');
  if (containers.length === 1) return 0;
  const inputs = wanted.join(', ');
  if (containers.length === 0) throw new InputError(`${inputs}: the task definition has no containers to apply them to`);
  throw new InputError(
    `${inputs}: the task definition has ${containers.length} containers (${listNames(containers)}): set container-name to the one they apply to, or give each container its image with images`,
  );
}
