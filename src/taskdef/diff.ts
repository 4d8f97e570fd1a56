// What a new task definition changes against the revision the service runs, in lines for the log and the
// job summary. Values users put in a container's runtime settings (environment values, secret references,
// the command) are never printed: the summary outlives the job and is read by more people than the log.
// Images, sizes, ports, roles and network settings are printed, since they are what a reviewer checks.
import { normalizeDocument } from './normalize.js';
import { canonicalJson } from './plain-data.js';
import { formatPortMappings } from './ports.js';
import type { ContainerDefinition, KeyValuePair, Secret, Tag, TaskDefinition, TaskDefinitionDocument } from './types.js';

export const NO_CHANGES = 'no changes to the task definition';

export function describeChanges(before: TaskDefinitionDocument | undefined, after: TaskDefinitionDocument): string[] {
  const next = normalizeDocument(after);
  if (!before) return describeNew(next);
  const previous = normalizeDocument(before);
  const lines = [
    ...taskChanges(previous.taskDefinition, next.taskDefinition),
    ...containerListChanges(previous.taskDefinition.containerDefinitions ?? [], next.taskDefinition.containerDefinitions ?? []),
    ...tagChanges(previous.tags, next.tags),
  ];
  return lines.length === 0 ? [NO_CHANGES] : lines;
}

function describeNew(doc: TaskDefinitionDocument): string[] {
  return [
    `new task definition for family ${doc.taskDefinition.family ?? '(none)'}: no earlier revision to compare with`,
    ...(doc.taskDefinition.containerDefinitions ?? []).map((container) => `container ${container.name ?? '?'}: image ${container.image ?? '(none)'}`),
  ];
}

/** Task-level fields with their own wording; any other field that differs gets a line without its value. */
const TASK_FIELDS: readonly [keyof TaskDefinition & string, string][] = [
  ['family', 'family'],
  ['networkMode', 'network mode'],
  ['requiresCompatibilities', 'requires compatibilities'],
  ['cpu', 'task cpu'],
  ['memory', 'task memory'],
  ['executionRoleArn', 'execution role'],
  ['taskRoleArn', 'task role'],
];

function taskChanges(before: TaskDefinition, after: TaskDefinition): string[] {
  const lines: string[] = [];
  for (const [field, label] of TASK_FIELDS) {
    const change = shownChange(before[field], after[field]);
    if (change) lines.push(`${label}: ${change}`);
  }
  const described = new Set<string>([...TASK_FIELDS.map(([field]) => field), 'containerDefinitions']);
  for (const field of otherChangedFields(before, after, described)) lines.push(otherFieldChange(field, before[field], after[field]));
  return lines;
}

function containerListChanges(before: readonly ContainerDefinition[], after: readonly ContainerDefinition[]): string[] {
  const byName = new Map(before.map((container) => [container.name ?? '', container]));
  const afterNames = new Set(after.map((container) => container.name ?? ''));
  const lines: string[] = [];
  for (const container of after) {
    const name = container.name ?? '';
    const previous = byName.get(name);
    if (previous) lines.push(...containerChanges(name, previous, container));
    else lines.push(`container ${name}: added (image ${container.image ?? '(none)'})`);
  }
  for (const container of before) {
    if (!afterNames.has(container.name ?? '')) lines.push(`container ${container.name ?? ''}: removed`);
  }
  return lines;
}

/** What ECS takes a missing container field to mean (normalizing drops these values). */
const CONTAINER_DEFAULTS: Readonly<Record<string, unknown>> = { cpu: 0, essential: true };

function containerChanges(name: string, before: ContainerDefinition, after: ContainerDefinition): string[] {
  const lines: string[] = [];
  const say = (text: string): void => void lines.push(`container ${name}: ${text}`);

  const image = shownChange(before.image, after.image);
  if (image) say(`image ${image}`);
  const environment = keyChanges(namedValues(before.environment, envValue), namedValues(after.environment, envValue));
  if (environment) say(`environment ${environment} (values not shown)`);
  const secrets = keyChanges(namedValues(before.secrets, secretValue), namedValues(after.secrets, secretValue));
  if (secrets) say(`secrets ${secrets} (values not shown)`);
  for (const field of ['cpu', 'memory', 'memoryReservation'] as const) {
    const change = shownChange(before[field] ?? CONTAINER_DEFAULTS[field], after[field] ?? CONTAINER_DEFAULTS[field]);
    if (change) say(`${field} ${change}`);
  }
  if (canonicalJson(before.portMappings ?? []) !== canonicalJson(after.portMappings ?? [])) {
    const from = formatPortMappings(before.portMappings);
    const to = formatPortMappings(after.portMappings);
    say(from === to ? `port mapping settings changed (${to})` : `ports ${from} → ${to}`);
  }
  if (canonicalJson(before.command) !== canonicalJson(after.command)) say('command changed (not shown)');
  const credentials = shownChange(before.repositoryCredentials?.credentialsParameter, after.repositoryCredentials?.credentialsParameter);
  if (credentials) say(`repository credentials ${credentials}`);

  const described = new Set(['name', 'image', 'environment', 'secrets', 'cpu', 'memory', 'memoryReservation', 'portMappings', 'command', 'repositoryCredentials']);
  for (const field of otherChangedFields(before, after, described)) {
    say(otherFieldChange(field, before[field] ?? CONTAINER_DEFAULTS[field], after[field] ?? CONTAINER_DEFAULTS[field]));
  }
  return lines;
}

const envValue = (entry: KeyValuePair): string | undefined => entry.value;
const secretValue = (entry: Secret): string | undefined => entry.valueFrom;

function tagChanges(before: readonly Tag[], after: readonly Tag[]): string[] {
  const change = keyChanges(new Map(before.map((tag) => [tag.key, tag.value])), new Map(after.map((tag) => [tag.key, tag.value])));
  return change ? [`tags ${change}`] : [];
}

/** "added A, B; changed C; removed D", or undefined when the two maps are equal. */
function keyChanges(before: ReadonlyMap<string, string | undefined>, after: ReadonlyMap<string, string | undefined>): string | undefined {
  const added = [...after.keys()].filter((key) => !before.has(key));
  const removed = [...before.keys()].filter((key) => !after.has(key));
  const changed = [...after.keys()].filter((key) => before.has(key) && before.get(key) !== after.get(key));
  const parts = [
    added.length > 0 ? `added ${added.join(', ')}` : '',
    changed.length > 0 ? `changed ${changed.join(', ')}` : '',
    removed.length > 0 ? `removed ${removed.join(', ')}` : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? undefined : parts.join('; ');
}

function namedValues<T extends KeyValuePair | Secret>(list: readonly T[] | undefined, value: (entry: T) => string | undefined): Map<string, string | undefined> {
  return new Map((list ?? []).map((entry) => [entry.name ?? '', value(entry)]));
}

/** "old → new" for a value that may be printed, or undefined when equal. */
function shownChange(before: unknown, after: unknown): string | undefined {
  if (canonicalJson(before) === canonicalJson(after)) return undefined;
  return `${shown(before)} → ${shown(after)}`;
}

function shown(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(', ');
  return String(value);
}

/** Numbers and flags are printed; any other field only gets named, as it may hold a value not to print. */
function otherFieldChange(field: string, before: unknown, after: unknown): string {
  const printable = (value: unknown): boolean => value === undefined || typeof value === 'number' || typeof value === 'boolean';
  return printable(before) && printable(after) ? `${field} ${shown(before)} → ${shown(after)}` : `${field} changed`;
}

function otherChangedFields(before: Record<string, unknown>, after: Record<string, unknown>, described: ReadonlySet<string>): string[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields].filter((field) => !described.has(field) && canonicalJson(before[field]) !== canonicalJson(after[field])).sort();
}

/**
 * The RegisterTaskDefinition input (tags inside) as pretty JSON, for dry-run. Environment values are shown:
 * a dry run is asked for to see exactly what would be registered, and anyone who can describe the task
 * definition sees them too; real secrets belong in `secrets`, which hold only references. With
 * `redactEnvironment` the values are replaced, for output that is kept or shared.
 */
export function renderTaskDefinitionJson(doc: TaskDefinitionDocument, options: { redactEnvironment?: boolean } = {}): string {
  const taskDefinition = options.redactEnvironment ? redactEnvironment(doc.taskDefinition) : doc.taskDefinition;
  const input = doc.tags.length > 0 ? { ...taskDefinition, tags: doc.tags } : taskDefinition;
  return JSON.stringify(input, null, 2);
}

export const REDACTED = '(redacted)';

function redactEnvironment(taskDefinition: TaskDefinition): TaskDefinition {
  return {
    ...taskDefinition,
    ...(taskDefinition.containerDefinitions
      ? {
          containerDefinitions: taskDefinition.containerDefinitions.map((container) =>
            container.environment
              ? { ...container, environment: container.environment.map((entry) => (entry.value === undefined ? entry : { ...entry, value: REDACTED })) }
              : container,
          ),
        }
      : {}),
  };
}
