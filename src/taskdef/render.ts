// A task definition made from inputs alone, for a family that has none yet: one container, and only the
// fields the inputs give, so the result is exactly what a hand-written register-task-definition call sends.
import { InputError } from '../errors.js';
import { checkPort, checkSharedHostPort, sharesHostPorts } from './ports.js';
import type { ContainerDefinition, NewTaskDefinitionSpec, PortMapping, TaskDefinition } from './types.js';

export function renderNewTaskDefinition(spec: NewTaskDefinitionSpec): TaskDefinition {
  if (spec.family.trim() === '') throw new InputError('family: is empty: set family to name the task definition');
  if (spec.containerName.trim() === '') throw new InputError('container-name: is empty: set container-name');
  if (spec.image.trim() === '') throw new InputError('image: is empty: set image to the image the container runs');
  const networkMode = spec.networkMode || undefined;

  const container: ContainerDefinition = { name: spec.containerName, image: spec.image };
  if (spec.cpu !== undefined) container.cpu = spec.cpu;
  if (spec.memory !== undefined) container.memory = spec.memory;
  if (spec.containerPort !== undefined) container.portMappings = [portMapping(spec.containerPort, spec, networkMode)];

  const taskDefinition: TaskDefinition = { family: spec.family, containerDefinitions: [container] };
  if (networkMode) taskDefinition.networkMode = networkMode;
  return taskDefinition;
}

function portMapping(containerPort: number, spec: NewTaskDefinitionSpec, networkMode: string | undefined): PortMapping {
  const { hostPort, protocol } = spec;
  checkPort('container-port', containerPort, 1);
  checkPort('host-port', hostPort, 0);
  if (networkMode === 'none') {
    throw new InputError('container-port: a task with network mode none has no ports: leave container-port unset or choose another network-mode');
  }
  checkSharedHostPort(hostPort, containerPort, networkMode);
  if (sharesHostPorts(networkMode)) return { containerPort, protocol };
  return { hostPort, containerPort, protocol };
}
