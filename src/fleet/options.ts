// The run-wide inputs of a run of many services, read from the same raw inputs as every other input.
import { InputError } from '../errors.js';
import { parseInteger, type RawInputs } from '../inputs/parse.js';
import { findInput } from '../inputs/schema.js';

export type OnFailure = 'continue' | 'stop' | 'rollback-all';

export interface FleetOptions {
  servicesFile: string;
  /** undefined: every service at once. */
  maxParallel: number | undefined;
  maxParallelBuilds: number;
  onFailure: OnFailure;
}

export function fleetOptions(raw: RawInputs): FleetOptions {
  const value = (name: string): string => raw(name).trim() || (findInput(name)?.default ?? '');
  const bounds = (name: string): [number, number] => [findInput(name)?.min ?? 1, findInput(name)?.max ?? Number.MAX_SAFE_INTEGER];
  const onFailure = value('on-failure');
  const options = findInput('on-failure')?.options ?? [];
  if (!options.includes(onFailure)) {
    throw new InputError(`on-failure: "${onFailure}" is not one of ${options.join(', ')}; set it to one of them.`);
  }
  return {
    servicesFile: value('services-file'),
    maxParallel: parseInteger('max-parallel', value('max-parallel'), ...bounds('max-parallel')),
    maxParallelBuilds: parseInteger('max-parallel-builds', value('max-parallel-builds'), ...bounds('max-parallel-builds')) ?? 2,
    onFailure: onFailure as OnFailure,
  };
}
