// Variables that look meant as inputs but are not read. Only a run checks them, so --version and --help do not
// load this module.
import { envName, INPUTS } from './schema.js';
import { allSpellings, closest, githubInputName, type HostKind } from './sources.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Environment variables of ours that are not inputs. */
const KNOWN_VARIABLES = new Set(['ECS_DELIVER_HOST', 'ECS_DELIVER_REQUIRE_SERVERS', 'ECS_DELIVER_PROGRESS_EVERY_MS']);

/**
 * Warnings for variables that look meant as inputs but are not read: a misspelled ECS_DELIVER_* name, or,
 * on a GitHub step, an INPUT_* name GitHub never makes from an input (INPUT_DESIRED_COUNT for desired-count).
 */
export function unknownInputNames(env: Env, host: HostKind): string[] {
  const warnings: string[] = [];
  const envNames = allSpellings().map(envName);
  for (const key of Object.keys(env).sort()) {
    if (key.startsWith('ECS_DELIVER_')) {
      if (KNOWN_VARIABLES.has(key) || key.endsWith('_STDIN')) continue;
      if (envNames.includes(key)) {
        const spec = INPUTS.find((input) => [input.name, ...(input.aliases ?? [])].some((spelling) => envName(spelling) === key));
        if (host === 'github-action' && spec && !spec.secret && env[key]?.trim()) {
          warnings.push(`${key} is ignored on a GitHub action step; set ${spec.name} under with: instead.`);
        }
        continue;
      }
      const meant = closest(key, envNames);
      warnings.push(`${key} is not an input and is ignored${meant ? `; did you mean ${meant}?` : '.'}`);
    } else if (host === 'github-action' && key.startsWith('INPUT_')) {
      if (allSpellings().some((spelling) => githubInputName(spelling) === key)) continue;
      const asInput = key.slice('INPUT_'.length).toLowerCase().replace(/_/g, '-');
      const meant = closest(asInput, INPUTS.map((spec) => spec.name));
      warnings.push(`${key} is not an input and is ignored${meant ? `; did you mean ${meant} (${githubInputName(meant)} under with:)?` : '.'}`);
    }
  }
  return warnings;
}
