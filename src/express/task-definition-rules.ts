// The rules ECS sets for a task definition an Express service runs by ARN: a container named Main with a single TCP
// port mapping that has a container port and a name, and FARGATE compatibility. Checked on the rendered document,
// so the preflight refuses it, naming the input, before anything is registered.
import { PreflightError } from '../errors.js';
import { formatPortMappings } from '../taskdef/ports.js';
import type { TaskDefinition } from '../taskdef/types.js';

export const EXPRESS_CONTAINER = 'Main';

/**
 * The first rule the document breaks, as one line naming the input that fixes it; undefined when it meets them all.
 * `source`: the input the document came from (task-definition, family or service).
 */
export function expressTaskDefinitionProblem(document: TaskDefinition, source: string): string | undefined {
  const compatibilities = document.requiresCompatibilities ?? [];
  if (!compatibilities.includes('FARGATE')) {
    const now = compatibilities.length === 0 ? 'names no launch type' : `is for ${compatibilities.join(', ')}`;
    return `requires-compatibilities: an Express service runs on Fargate, and the task definition ${now}; add FARGATE.`;
  }
  const containers = document.containerDefinitions ?? [];
  const main = containers.find((container) => container.name === EXPRESS_CONTAINER);
  if (!main) {
    const names = containers.map((container) => container.name ?? '?').join(', ') || 'none';
    return `${source}: an Express service runs the container named ${EXPRESS_CONTAINER}, and the task definition has ${names}; rename the container that serves traffic to ${EXPRESS_CONTAINER}.`;
  }
  const mappings = main.portMappings ?? [];
  const [mapping] = mappings;
  if (!mapping) {
    return `container-port: the container ${EXPRESS_CONTAINER} maps no port, and an Express service needs exactly one; set container-port, such as 8080.`;
  }
  if (mappings.length > 1) {
    return `${source}: the container ${EXPRESS_CONTAINER} maps ${mappings.length} ports (${formatPortMappings(mappings)}), and an Express service takes exactly one; keep the one traffic goes to.`;
  }
  if ((mapping.protocol ?? 'tcp') !== 'tcp') {
    return `protocol: the port mapping of the container ${EXPRESS_CONTAINER} is ${mapping.protocol ?? ''}, and an Express service needs tcp; set protocol to tcp.`;
  }
  if (mapping.containerPort === undefined) {
    return `container-port: the port mapping of the container ${EXPRESS_CONTAINER} has no container port (a port range?), and an Express service needs one; set container-port.`;
  }
  if (typeof mapping['name'] !== 'string' || mapping['name'] === '') {
    return `${source}: the port mapping ${formatPortMappings(mappings)} of the container ${EXPRESS_CONTAINER} has no name, and an Express service needs one; add "name", such as "http", to it.`;
  }
  return undefined;
}

/** Refuses a document that breaks the rules, before anything is registered. */
export function checkExpressTaskDefinition(document: TaskDefinition, source: string): void {
  const problem = expressTaskDefinitionProblem(document, source);
  if (problem !== undefined) throw new PreflightError(problem);
}
