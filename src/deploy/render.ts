// Chooses the base task definition and renders the one this run deploys. Pure: no AWS, no host.
import { InputError } from '../errors.js';
import type { Inputs } from '../inputs/parse.js';
import { applyEdits } from '../taskdef/apply-edits.js';
import { containerExtrasEdits } from '../taskdef/container-extras.js';
import { renderNewTaskDefinition } from '../taskdef/render.js';
import { checkRegisterRequestSize } from '../taskdef/request-size.js';
import { validateTaskDefinitionDocument } from '../taskdef/validate.js';
import type { PortEdit, TaskDefinitionDocument, TaskDefinitionEdits } from '../taskdef/types.js';

export type BaseSource = 'file' | 'latest-revision' | 'service' | 'inputs';

export interface Base {
  source: BaseSource;
  /** Where it came from, for the log: a path, `family:rev`, or "inputs". */
  label: string;
  /** Rendered from inputs because ECS was not read (a dry run without credentials), not because the family is new. */
  unread?: true;
  document?: TaskDefinitionDocument;
}

export function editsFromInputs(inputs: Inputs, image: string): TaskDefinitionEdits {
  const images = new Map(inputs.images);
  if (image) {
    if (inputs.containerName && images.has(inputs.containerName)) {
      throw new InputError(
        `container-name "${inputs.containerName}" also appears in images; give its image in one of them only.`,
      );
    }
    images.set('', image);
  }
  return {
    ...(inputs.family ? { family: inputs.family } : {}),
    images,
    ...(inputs.containerName ? { containerName: inputs.containerName } : {}),
    environment: inputs.environment,
    environmentMode: inputs.environmentMode,
    secrets: inputs.secrets,
    secretsMode: inputs.secretsMode,
    ...(inputs.command ? { command: inputs.command } : {}),
    ...(inputs.cpu !== undefined ? { cpu: inputs.cpu } : {}),
    ...(inputs.memory !== undefined ? { memory: inputs.memory } : {}),
    ...(inputs.repositoryCredentials ? { repositoryCredentials: inputs.repositoryCredentials } : {}),
    ...portEditFromInputs(inputs),
    ...containerExtrasEdits(inputs),
    ...(inputs.executionRoleArn ? { executionRoleArn: inputs.executionRoleArn } : {}),
    ...(inputs.taskRoleArn ? { taskRoleArn: inputs.taskRoleArn } : {}),
    ...(inputs.networkMode ? { networkMode: inputs.networkMode } : {}),
    ...(inputs.requiresCompatibilities.length > 0 ? { requiresCompatibilities: inputs.requiresCompatibilities } : {}),
    ...(inputs.taskCpu ? { taskCpu: inputs.taskCpu } : {}),
    ...(inputs.taskMemory ? { taskMemory: inputs.taskMemory } : {}),
    tags: inputs.tags,
  };
}

/** Only what was given changes an existing mapping; a new mapping gets host port 0 and tcp where not given. */
function portEditFromInputs(inputs: Inputs): { port?: PortEdit } {
  const port: PortEdit = {
    ...(inputs.containerPort !== undefined ? { containerPort: inputs.containerPort } : {}),
    ...(inputs.hostPort !== undefined ? { hostPort: inputs.hostPort } : {}),
    ...(inputs.protocol !== undefined ? { protocol: inputs.protocol } : {}),
  };
  return Object.keys(port).length > 0 ? { port } : {};
}

/** The task definition this run registers, final: the checks run on exactly what would be sent. */
export function renderTaskDefinition(inputs: Inputs, base: Base, image: string): TaskDefinitionDocument {
  const rendered = renderDocument(inputs, base, image);
  validateTaskDefinitionDocument(rendered, base.source === 'file' ? `task-definition: ${base.label}` : 'task definition');
  checkRegisterRequestSize(rendered);
  return rendered;
}

function renderDocument(inputs: Inputs, base: Base, image: string): TaskDefinitionDocument {
  const edits = editsFromInputs(inputs, image);
  if (base.document) return applyEdits(base.document, edits);
  const family = inputs.family;
  if (!family) {
    throw new InputError('family: not set and no task definition to start from; set family, task-definition or service.');
  }
  if (!image) {
    throw new InputError(
      base.unread
        ? `image: without AWS credentials the dry run cannot read the revisions of family "${family}", so it renders from inputs alone, which needs image; set image, or give the dry run credentials.`
        : `image: family "${family}" has no revision yet, so a new task definition is rendered from inputs and needs image; set image.`,
    );
  }
  const fresh = renderNewTaskDefinition({
    family,
    containerName: inputs.containerName || family,
    image,
    hostPort: inputs.hostPort ?? 0,
    protocol: inputs.protocol ?? 'tcp',
    ...(inputs.memory !== undefined ? { memory: inputs.memory } : {}),
    ...(inputs.cpu !== undefined ? { cpu: inputs.cpu } : {}),
    ...(inputs.containerPort !== undefined ? { containerPort: inputs.containerPort } : {}),
    ...(inputs.networkMode ? { networkMode: inputs.networkMode } : {}),
  });
  return applyEdits({ taskDefinition: fresh, tags: [] }, { ...edits, containerName: inputs.containerName || family });
}

/** The image the default container (or the only one) runs in a rendered document. */
export function primaryImage(doc: TaskDefinitionDocument, containerName: string): string {
  const containers = doc.taskDefinition.containerDefinitions ?? [];
  const named = containers.find((c) => c.name === containerName) ?? (containers.length === 1 ? containers[0] : undefined);
  return named?.image ?? '';
}
