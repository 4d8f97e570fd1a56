// How each input of aws-actions/amazon-ecs-deploy-express-service (v1.2) moves to ecs-deliver: read as it is (the
// same name, or their spelling as an alias), or converted where their name means something else here. The README's
// migration section says the same in words; a test holds the two together.
import { InputError } from '../errors.js';

export interface ExpressMigration {
  /** Their input. */
  readonly theirs: string;
  /** Our input (or inputs) it becomes. */
  readonly ours: readonly string[];
  /** Our inputs and values for their value. */
  readonly convert: (value: string) => Readonly<Record<string, string>>;
}

const same = (theirs: string, ours = theirs): ExpressMigration => ({ theirs, ours: [ours], convert: (value) => ({ [ours]: value }) });

const converted = (theirs: string, ours: readonly string[], convert: ExpressMigration['convert']): ExpressMigration => ({ theirs, ours, convert });

export const EXPRESS_MIGRATIONS: readonly ExpressMigration[] = [
  same('service-name', 'service'),
  same('service'),
  same('image'),
  same('execution-role-arn'),
  same('infrastructure-role-arn', 'express-infrastructure-role-arn'),
  same('cluster'),
  same('container-port'),
  converted('environment-variables', ['environment'], (value) => ({ environment: jsonPairsToLines(value, 'environment-variables', 'value') })),
  converted('secrets', ['secrets'], (value) => ({ secrets: jsonPairsToLines(value, 'secrets', 'valueFrom') })),
  same('command'),
  converted('log-group', ['log-configuration-log-driver', 'log-configuration-options'], (value) => ({
    'log-configuration-log-driver': 'awslogs',
    'log-configuration-options': `awslogs-group=${value.trim()}`,
  })),
  converted('log-stream-prefix', ['log-configuration-log-driver', 'log-configuration-options'], (value) => ({
    'log-configuration-log-driver': 'awslogs',
    'log-configuration-options': `awslogs-stream-prefix=${value.trim()}`,
  })),
  same('repository-credentials'),
  same('tags', 'service-tags'),
  same('mutate-tags-on-update'),
  same('cpu', 'task-cpu'),
  same('memory', 'task-memory'),
  same('task-role-arn'),
  same('task-definition-arn'),
  same('subnets'),
  same('security-groups'),
  same('health-check-path'),
  same('min-task-count'),
  same('max-task-count'),
  same('auto-scaling-metric'),
  same('auto-scaling-target-value'),
  same('wait-for-deployment', 'wait'),
  same('wait-for-minutes'),
];

/** Inputs of ours that several of theirs feed, one line each. */
const LINE_INPUTS = new Set(['log-configuration-options']);

/** Their `with:` block as ecs-deliver's inputs. */
export function migrateExpressInputs(theirs: Readonly<Record<string, string>>): Record<string, string> {
  const ours: Record<string, string> = {};
  for (const [name, value] of Object.entries(theirs)) {
    const rule = EXPRESS_MIGRATIONS.find((migration) => migration.theirs === name);
    if (!rule) throw new InputError(`${name}: not an input of aws-actions/amazon-ecs-deploy-express-service v1.2.`);
    for (const [input, next] of Object.entries(rule.convert(value))) {
      const before = ours[input];
      if (before === undefined || before === next) ours[input] = next;
      else if (LINE_INPUTS.has(input)) ours[input] = `${before}\n${next}`;
      else throw new InputError(`${name}: sets ${input}, which another of the inputs given sets differently; keep one of them.`);
    }
  }
  return ours;
}

/** [{"name": "KEY", "<valueKey>": "VALUE"}] as KEY=VALUE lines. */
function jsonPairsToLines(text: string, name: string, valueKey: 'value' | 'valueFrom'): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InputError(`${name}: not JSON; write a JSON array such as [{"name":"KEY","${valueKey}":"..."}].`);
  }
  if (!Array.isArray(parsed)) throw new InputError(`${name}: not a JSON array of {"name", "${valueKey}"} objects.`);
  return parsed
    .map((entry: unknown, at) => {
      const record = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
      const key = record['name'];
      const value = record[valueKey];
      if (typeof key !== 'string' || key === '' || typeof value !== 'string') {
        throw new InputError(`${name}: element ${at} needs "name" and "${valueKey}" strings.`);
      }
      return `${key}=${value}`;
    })
    .join('\n');
}
