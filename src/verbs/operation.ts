// Which operation a run does: deploy (the default) or one of the verbs that operate a service already deployed.
// Read from the CLI's first word, the action input `operation` or ECS_DELIVER_OPERATION.
import { InputError } from '../errors.js';
import { findInput } from '../inputs/schema.js';
import { rawInputReader, type Invocation } from '../inputs/sources.js';

export type Operation = 'deploy' | 'status' | 'continue' | 'rollback';

type Env = Readonly<Record<string, string | undefined>>;

export function operationOf(invocation: Invocation, env: Env): Operation {
  const given = rawInputReader(invocation, env, new Map())('operation').trim();
  if (given === '') return 'deploy';
  const options = findInput('operation')?.options ?? [];
  if (!options.includes(given)) throw new InputError(`operation: "${given}" is not one of ${options.join(', ')}; set operation to one of them.`);
  return given as Operation;
}
