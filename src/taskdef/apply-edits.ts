// What the inputs change on a base task definition (a file, the latest revision, or a new one).
import { InputError } from '../errors.js';
import { applyContainerExtras, containerExtrasGiven } from './container-extras.js';
import { defaultContainer, findContainer } from './containers.js';
import { mergeTags } from './parse-file.js';
import { applyPortEdit, portInputsGiven, sharesHostPorts } from './ports.js';
import type {
  ContainerDefinition,
  EditMode,
  KeyValueEdit,
  KeyValuePair,
  Secret,
  TaskDefinition,
  TaskDefinitionDocument,
  TaskDefinitionEdits,
} from './types.js';

/** The base with the edits applied; the base is not changed. */
export function applyEdits(base: TaskDefinitionDocument, edits: TaskDefinitionEdits): TaskDefinitionDocument {
  const taskDefinition = structuredClone(base.taskDefinition);
  applyTaskEdits(taskDefinition, edits);
  const containers = taskDefinition.containerDefinitions ?? [];
  applyImages(containers, edits);
  applyContainerEdits(containers, edits, taskDefinition.networkMode);
  fitPortsToNetworkMode(taskDefinition);
  checkRegistrable(taskDefinition);
  return { taskDefinition, tags: mergeTags(base.tags, edits.tags) };
}

function applyTaskEdits(taskDefinition: TaskDefinition, edits: TaskDefinitionEdits): void {
  if (edits.family !== undefined) taskDefinition.family = edits.family;
  if (edits.executionRoleArn !== undefined) taskDefinition.executionRoleArn = edits.executionRoleArn;
  if (edits.taskRoleArn !== undefined) taskDefinition.taskRoleArn = edits.taskRoleArn;
  if (edits.networkMode !== undefined) taskDefinition.networkMode = edits.networkMode;
  if (edits.requiresCompatibilities !== undefined) taskDefinition.requiresCompatibilities = [...edits.requiresCompatibilities];
  if (edits.taskCpu !== undefined) taskDefinition.cpu = edits.taskCpu;
  if (edits.taskMemory !== undefined) taskDefinition.memory = edits.taskMemory;
}

function applyImages(containers: ContainerDefinition[], edits: TaskDefinitionEdits): void {
  const defaultImage = edits.images.get('');
  if (defaultImage !== undefined) {
    const target = containers[defaultContainer(containers, edits.containerName, ['image'])];
    if (target?.name !== undefined && edits.images.has(target.name)) {
      throw new InputError(
        `image and images: both set the image of container "${target.name}": keep one (image applies to container-name or the only container)`,
      );
    }
    if (target) target.image = defaultImage;
  }
  for (const [name, image] of edits.images) {
    if (name === '') continue;
    const target = containers[findContainer(containers, name, 'images')];
    if (target) target.image = image;
  }
}

function applyContainerEdits(containers: ContainerDefinition[], edits: TaskDefinitionEdits, networkMode: string | undefined): void {
  const wanted = containerInputsGiven(edits);
  if (wanted.length === 0) {
    if (edits.containerName !== undefined) findContainer(containers, edits.containerName, 'container-name');
    return;
  }
  const container = containers[defaultContainer(containers, edits.containerName, wanted)];
  if (!container) return;
  if (changesList(edits.environment, edits.environmentMode)) {
    container.environment = applyKeyValueEdits(container.environment ?? [], edits.environment, edits.environmentMode, (name, value) => ({ name, value }));
  }
  if (changesList(edits.secrets, edits.secretsMode)) {
    container.secrets = applyKeyValueEdits(container.secrets ?? [], edits.secrets, edits.secretsMode, (name, valueFrom) => ({ name, valueFrom }));
  }
  if (edits.command !== undefined) container.command = [...edits.command];
  if (edits.cpu !== undefined) container.cpu = edits.cpu;
  if (edits.memory !== undefined) container.memory = edits.memory;
  if (edits.repositoryCredentials !== undefined) {
    container.repositoryCredentials = { ...container.repositoryCredentials, credentialsParameter: edits.repositoryCredentials };
  }
  if (edits.port) applyPortEdit(container, edits.port, networkMode);
  applyContainerExtras(container, edits);
}

/** Inputs other than image that apply to the default container, by input name. */
function containerInputsGiven(edits: TaskDefinitionEdits): string[] {
  const given: [string, boolean][] = [
    ['environment', changesList(edits.environment, edits.environmentMode)],
    ['secrets', changesList(edits.secrets, edits.secretsMode)],
    ['command', edits.command !== undefined],
    ['cpu', edits.cpu !== undefined],
    ['memory', edits.memory !== undefined],
    ['repository-credentials', edits.repositoryCredentials !== undefined],
  ];
  return [...given.filter(([, isGiven]) => isGiven).map(([name]) => name), ...portInputsGiven(edits.port), ...containerExtrasGiven(edits)];
}

/** Replace mode changes the list even with no lines: it empties it. */
function changesList(lines: readonly KeyValueEdit[], mode: EditMode): boolean {
  return mode === 'replace' || lines.length > 0;
}

/**
 * merge: a set replaces the value where the name already is (later duplicates of it go), a new name is
 * appended, a removal deletes every entry of that name. replace: the list becomes exactly the set lines.
 */
export function applyKeyValueEdits<T extends KeyValuePair | Secret>(
  current: readonly T[],
  edits: readonly KeyValueEdit[],
  mode: EditMode,
  entry: (name: string, value: string) => T,
): T[] {
  let result: T[] = mode === 'replace' ? [] : current.map((item) => ({ ...item }));
  for (const edit of edits) {
    if (edit.op === 'remove') {
      result = result.filter((item) => item.name !== edit.key);
      continue;
    }
    const at = result.findIndex((item) => item.name === edit.key);
    if (at === -1) {
      result.push(entry(edit.key, edit.value));
    } else {
      result = result.filter((item, index) => index <= at || item.name !== edit.key);
      result[at] = entry(edit.key, edit.value);
    }
  }
  return result;
}

/**
 * Under awsvpc and host, ECS refuses a hostPort other than the containerPort. A hostPort of 0 only meant
 * "any port" under bridge, so it is dropped; any other mismatch is the user's to settle, not to guess.
 */
function fitPortsToNetworkMode(taskDefinition: TaskDefinition): void {
  const mode = taskDefinition.networkMode;
  if (!sharesHostPorts(mode)) return;
  for (const container of taskDefinition.containerDefinitions ?? []) {
    for (const mapping of container.portMappings ?? []) {
      const { hostPort, containerPort } = mapping;
      if (hostPort === undefined || containerPort === undefined || hostPort === containerPort) continue;
      if (hostPort === 0) {
        delete mapping.hostPort;
        continue;
      }
      throw new InputError(
        `container "${container.name ?? '?'}": port mapping ${hostPort}:${containerPort} cannot work under network mode ${mode ?? ''}, where the host port is the container port: remove hostPort from the task definition or set it to ${containerPort}`,
      );
    }
  }
}

function checkRegistrable(taskDefinition: TaskDefinition): void {
  if (typeof taskDefinition.family !== 'string' || taskDefinition.family === '') {
    throw new InputError('family: the task definition has no family: set family, or put family in the task definition file');
  }
  const containers = taskDefinition.containerDefinitions ?? [];
  if (containers.length === 0) throw new InputError('task-definition: the task definition has no containers');
  for (const [index, container] of containers.entries()) {
    if (typeof container.name !== 'string' || container.name === '') {
      throw new InputError(`task-definition: container #${index + 1} has no name: give it one in the task definition file`);
    }
    if (typeof container.image !== 'string' || container.image.trim() === '') {
      throw new InputError(`image: container "${container.name}" has no image: set image (with container-name) or images`);
    }
  }
}
