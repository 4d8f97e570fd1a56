// `register: if-changed` reuses the family's latest revision when the rendered task definition equals it.
// ECS answers a registered definition with defaults filled in and some lists reordered, so both sides are
// brought to one form first. Only differences ECS itself does not make are removed: wrongly calling two
// definitions equal would skip a deploy the user asked for, while wrongly calling them different only costs
// a revision. So a default is filled in only where ECS documents it, and an unknown field always counts.
import { canonicalJson, isPlainObject, withoutNulls, type PlainObject } from './plain-data.js';
import { sharesHostPorts } from './ports.js';
import { READ_ONLY_FIELDS } from './read-only.js';
import { cpuUnits, memoryMiB } from './task-size.js';
import type { ContainerDefinition, KeyValuePair, PortMapping, Secret, Tag, TaskDefinition, TaskDefinitionDocument } from './types.js';

/** Launch types whose tasks do not default to the bridge network mode. */
const NOT_BRIDGE_BY_DEFAULT = ['FARGATE', 'MANAGED_INSTANCES'];

export function sameDocument(a: TaskDefinitionDocument, b: TaskDefinitionDocument): boolean {
  return canonicalJson(normalizeForCompare(a)) === canonicalJson(normalizeForCompare(b));
}

export function normalizeForCompare(doc: TaskDefinitionDocument): unknown {
  return normalizeDocument(doc);
}

/** The document in the form used for comparing and diffing (not for registering). */
export function normalizeDocument(doc: TaskDefinitionDocument): TaskDefinitionDocument {
  return {
    taskDefinition: normalizeTaskDefinition(doc.taskDefinition),
    tags: [...doc.tags].sort((a, b) => compareText(a.key, b.key)).map((tag): Tag => ({ key: tag.key, value: tag.value })),
  };
}

function normalizeTaskDefinition(input: TaskDefinition): TaskDefinition {
  const taskDefinition = withoutEmpty(withoutNulls(input)) as TaskDefinition;
  for (const field of [...READ_ONLY_FIELDS, 'tags']) delete taskDefinition[field];
  if (taskDefinition['enableFaultInjection'] === false) delete taskDefinition['enableFaultInjection'];

  const { cpu, memory } = taskDefinition as { cpu?: unknown; memory?: unknown };
  if (typeof cpu === 'number' || typeof cpu === 'string') taskDefinition.cpu = cpuUnits(String(cpu));
  if (typeof memory === 'number' || typeof memory === 'string') taskDefinition.memory = memoryMiB(String(memory));

  const compatibilities = taskDefinition.requiresCompatibilities;
  if (Array.isArray(compatibilities)) taskDefinition.requiresCompatibilities = [...new Set(compatibilities)].sort();
  if (taskDefinition.networkMode === undefined && !compatibilities?.some((type) => NOT_BRIDGE_BY_DEFAULT.includes(type))) {
    taskDefinition.networkMode = 'bridge';
  }

  const containers = taskDefinition.containerDefinitions;
  if (Array.isArray(containers)) {
    taskDefinition.containerDefinitions = containers
      .map((container) => normalizeContainer(container, taskDefinition.networkMode))
      .sort((a, b) => compareText(a.name ?? '', b.name ?? ''));
  }
  return taskDefinition;
}

function normalizeContainer(container: ContainerDefinition, networkMode: string | undefined): ContainerDefinition {
  if (container.cpu === 0) delete container.cpu;
  if (container.essential === true) delete container['essential'];
  // Order means nothing to ECS in these lists, and it does not keep the order it was given.
  if (Array.isArray(container.environment)) container.environment = sortedByName(container.environment, (entry) => entry.value);
  if (Array.isArray(container.secrets)) container.secrets = sortedByName(container.secrets, (entry) => entry.valueFrom);
  if (Array.isArray(container.portMappings)) {
    container.portMappings = container.portMappings
      .map((mapping) => normalizePortMapping(mapping, networkMode))
      .sort((a, b) => compareText(canonicalJson(a), canonicalJson(b)));
  }
  return container;
}

function normalizePortMapping(input: PortMapping, networkMode: string | undefined): PortMapping {
  const mapping: PortMapping = { ...input, protocol: input.protocol ?? 'tcp' };
  if (mapping.hostPort === undefined && typeof mapping.containerPort === 'number') {
    if (sharesHostPorts(networkMode)) mapping.hostPort = mapping.containerPort;
    else if (networkMode === 'bridge') mapping.hostPort = 0;
  }
  return mapping;
}

function sortedByName<T extends KeyValuePair | Secret>(list: readonly T[], value: (entry: T) => string | undefined): T[] {
  return [...list].sort((a, b) => compareText(a.name ?? '', b.name ?? '') || compareText(value(a) ?? '', value(b) ?? ''));
}

/** Drops empty lists and objects (ECS answers `environment: []` for none) and whatever becomes empty. */
function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (!isPlainObject(value)) return value;
  const copy: PlainObject = {};
  for (const [key, item] of Object.entries(value)) {
    const kept = withoutEmpty(item);
    if (Array.isArray(kept) && kept.length === 0) continue;
    if (isPlainObject(kept) && Object.keys(kept).length === 0) continue;
    copy[key] = kept;
  }
  return copy;
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
