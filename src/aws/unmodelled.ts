// The bundled SDK serialises only the members its model knows; anything else vanishes without an error.
// Walking the SDK's own schema finds those fields, so a newer field is named in a warning, not lost in silence.
import { RegisterTaskDefinitionRequest$, TaskDefinition$ } from '@aws-sdk/client-ecs';

type Schema = unknown;

const STRUCTURE = 3;
const LIST = 1;
const MAP = 2;
const LIST_BIT = 64;
const MAP_BIT = 128;

function resolve(schema: Schema): Schema {
  let current = schema;
  for (let i = 0; i < 4; i++) {
    if (typeof current === 'function') current = (current as () => Schema)();
    else if (Array.isArray(current) && current.length === 2 && typeof current[0] === 'function') current = current[0];
    else break;
  }
  return current;
}

function walk(value: unknown, schema: Schema, path: string, found: string[]): void {
  const resolved = resolve(schema);
  if (value === null || value === undefined) return;
  if (typeof resolved === 'number') {
    if (resolved & LIST_BIT && Array.isArray(value)) return;
    if (resolved & MAP_BIT) return;
    return;
  }
  if (!Array.isArray(resolved)) return;
  const kind = resolved[0];
  if (kind === STRUCTURE && typeof value === 'object' && !Array.isArray(value)) {
    const names = resolved[4] as string[];
    const members = resolved[5] as Schema[];
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const index = names.indexOf(key);
      if (index === -1) found.push(path ? `${path}.${key}` : key);
      else walk(child, members[index], path ? `${path}.${key}` : key, found);
    }
  } else if (kind === LIST && Array.isArray(value)) {
    value.forEach((item, i) => walk(item, resolved[4], `${path}[${i}]`, found));
  } else if (kind === MAP && typeof value === 'object') {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      walk(child, resolved[5], `${path}.${key}`, found);
    }
  }
}

/** Paths of the fields in a RegisterTaskDefinition input that the bundled SDK would not send. */
export function unmodelledFields(input: Record<string, unknown>): string[] {
  const found: string[] = [];
  walk(input, RegisterTaskDefinitionRequest$, '', found);
  return found;
}

/** Paths of the fields in a task definition ECS answered that the bundled SDK drops while reading it. */
export function unmodelledAnswerFields(taskDefinition: Record<string, unknown>): string[] {
  const found: string[] = [];
  walk(taskDefinition, TaskDefinition$, '', found);
  return found;
}
