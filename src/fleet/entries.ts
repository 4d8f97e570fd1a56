// The services a run deploys: the one its inputs name, or each entry of a services-file, read exactly as a
// single-service run reads its inputs. Every entry is checked before anything is planned; all problems are named.
import { resolve } from 'node:path';
import { resourceName } from '../aws/names.js';
import { checkInputCombination } from '../deploy/check-inputs.js';
import { newProgress } from '../deploy/result.js';
import { InputError, PreflightError } from '../errors.js';
import { parseInputs, type Inputs, type RawInputs } from '../inputs/parse.js';
import type { Reporter } from '../report.js';
import { needsYaml, readTaskDefinitionFile } from '../taskdef/parse-file.js';
import { prefixedReporter } from './prefixed-reporter.js';
import { entryInputs, entryLabel, parseServicesFile } from './services-file.js';
import type { ServiceRun } from './state.js';

/** The run of one service: the run's own inputs and reporter. */
export function singleService(raw: RawInputs, inputs: Inputs, reporter: Reporter, startedAt: number): ServiceRun {
  return { where: '', prefix: '', raw, inputs, reporter, progress: newProgress(), startedAt };
}

export async function readEntries(path: string, usualRaw: RawInputs, reporter: Reporter, startedAt: number): Promise<ServiceRun[]> {
  const text = readTaskDefinitionFile(resolve(path), path, 'services-file');
  const file = parseServicesFile(text, path, needsYaml(text) ? await import('yaml') : undefined);
  const runs: ServiceRun[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const entry of file.entries) {
    const where = entryLabel(file, entry);
    try {
      const raw = entryInputs(file, entry, usualRaw);
      const inputs = parseInputs(raw);
      checkInputCombination(inputs);
      const prefix = inputs.service ? `${resourceName(inputs.cluster)}/${inputs.service}` : `${resourceName(inputs.cluster)}/${inputs.family || `entry ${entry.number}`}`;
      if (inputs.service) {
        const key = serviceKey(inputs);
        const first = seen.get(key);
        if (first) throw new InputError(`service ${inputs.service} in cluster ${inputs.cluster} is already deployed by ${first}; keep one entry per service.`);
        seen.set(key, `entry ${entry.number}`);
      }
      runs.push({ where, prefix, raw, inputs, reporter: prefixedReporter(reporter, prefix), progress: newProgress(), startedAt });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(`${where}: ${error.message}`);
    }
  }
  if (problems.length > 0) throw wrongEntries(reporter, problems, file.entries.length, InputError);
  return runs;
}

/** One service however written: `web` and `arn:aws:ecs:...:service/prod/web` in cluster prod (or its ARN) are the same. */
export function serviceKey(inputs: Pick<Inputs, 'cluster' | 'service'>): string {
  return `${resourceName(inputs.cluster)}/${resourceName(inputs.service)}`;
}

/** The error for entries that cannot be deployed: the one problem, or each printed and their count. */
export function wrongEntries(reporter: Reporter, problems: readonly string[], total: number, kind: typeof InputError | typeof PreflightError): Error {
  if (problems.length === 1) return new kind(problems[0] ?? '');
  for (const problem of problems) reporter.error(problem);
  return new kind(`${problems.length} of ${total} entries of the services-file are wrong (each named above); nothing was changed.`);
}
