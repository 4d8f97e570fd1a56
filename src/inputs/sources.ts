// Where inputs come from on each host: INPUT_* variables on a GitHub Actions step, otherwise
// `--name value` flags (which win) and ECS_DELIVER_* variables. Imports only the schema: --help stays light.
import { envName, INPUTS, type InputSpec } from './schema.js';

export type HostKind = 'github-action' | 'gitlab' | 'shell';

export interface Invocation {
  host: HostKind;
  flags: ReadonlyMap<string, string>;
  /** Inputs to read from standard input (`--<secret>-stdin`). */
  stdinInputs: readonly string[];
  json: boolean;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type Env = Readonly<Record<string, string | undefined>>;

const HOST_CHOICES: Readonly<Record<string, HostKind>> = { github: 'github-action', gitlab: 'gitlab', shell: 'shell' };

export function detectHost(argv: readonly string[], env: Env): HostKind {
  const forced = env['ECS_DELIVER_HOST'];
  if (forced !== undefined && forced.trim() !== '') {
    const host = HOST_CHOICES[forced.trim().toLowerCase()];
    if (!host) throw new UsageError(`ECS_DELIVER_HOST: "${forced}" is not one of ${Object.keys(HOST_CHOICES).join(', ')}; set it to one of them or unset it.`);
    return host;
  }
  const actionInputs = Object.keys(env).some((key) => key.startsWith('INPUT_'));
  if (env['GITHUB_ACTIONS'] === 'true' && argv.length === 0 && actionInputs) return 'github-action';
  if (env['GITLAB_CI'] === 'true') return 'gitlab';
  return 'shell';
}

export function parseArgv(argv: readonly string[], env: Env): Invocation {
  const flags = new Map<string, string>();
  const stdinInputs: string[] = [];
  let json = false;
  let help = false;
  let version = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--version' || arg === '-v') version = true;
    else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      const secretStdin = INPUTS.find((spec) => spec.secret && `${spec.name}-stdin` === name);
      if (secretStdin) {
        stdinInputs.push(secretStdin.name);
        continue;
      }
      const spec = INPUTS.find((input) => input.name === name || input.aliases?.includes(name));
      if (!spec) {
        const meant = closest(name, [...INPUTS.map((input) => input.name), 'json', 'help', 'version']);
        throw new UsageError(`unknown flag --${name}; ${meant ? `did you mean --${meant}? ` : ''}run with --help to list the inputs.`);
      }
      if (spec.secret) {
        throw new UsageError(
          `--${name} is not accepted on the command line, where process lists and logs show it; set ${envName(name)} or pass --${name}-stdin.`,
        );
      }
      if (eq !== -1) flags.set(spec.name, arg.slice(eq + 1));
      else if (takesBareFlag(spec, argv[i + 1])) flags.set(spec.name, 'true');
      else {
        const next = argv[i + 1];
        if (next === undefined) throw new UsageError(`--${name} needs a value; write --${name} <value>.`);
        flags.set(spec.name, next);
        i++;
      }
    } else if (i === 0) {
      flags.set('operation', verbNamed(arg));
    } else {
      throw new UsageError(`unexpected argument "${arg}"; inputs are given as --name value (see --help).`);
    }
  }
  return { host: detectHost(argv, env), flags, stdinInputs, json, help, version };
}

/** The first word names the operation: `ecs-deliver status`. */
function verbNamed(word: string): string {
  const verbs = INPUTS.find((spec) => spec.name === 'operation')?.options ?? [];
  if (verbs.includes(word)) return word;
  const meant = closest(word, verbs);
  throw new UsageError(`unknown operation "${word}"; ${meant ? `did you mean ${meant}? ` : ''}ecs-deliver takes ${verbs.join(', ')} (deploy when none is given).`);
}

function takesBareFlag(spec: InputSpec, next: string | undefined): boolean {
  if (spec.type !== 'boolean') return false;
  return next === undefined || next.startsWith('--') || !/^(true|false|yes|no|1|0|on|off)$/i.test(next);
}

/**
 * The raw string of one input for this invocation ("" when not given), and whether it was given at all.
 * A GitHub step reads `with:` inputs as INPUT_* variables; the secret inputs may also come from their
 * ECS_DELIVER_* variable there, as on every host, with the `with:` input winning.
 */
export function rawInputReader(
  invocation: Invocation,
  env: Env,
  stdinValues: ReadonlyMap<string, string>,
): ((name: string) => string) & { given: (name: string) => boolean } {
  const secret = new Set(INPUTS.filter((spec) => spec.secret).map((spec) => spec.name));
  /**
   * The input's variable, unless it is blank or holds the default (GitHub sets every input action.yml gives a
   * default): then an alias variable that is set, such as INPUT_WAIT-FOR-TASK-STOPPED.
   */
  const variable = (name: string, nameOf: (spelling: string) => string): string | undefined => {
    const own = env[nameOf(name)];
    const spec = INPUTS.find((input) => input.name === name);
    if (own !== undefined && own.trim() !== '' && own.trim() !== spec?.default) return own;
    for (const alias of spec?.aliases ?? []) {
      const found = env[nameOf(alias)];
      if (found !== undefined && found.trim() !== '') return found;
    }
    return own;
  };
  const read = (name: string): string | undefined => {
    if (invocation.host === 'github-action') {
      const input = stdinValues.get(name) ?? invocation.flags.get(name) ?? variable(name, githubInputName);
      if (input !== undefined && input.trim() !== '') return input;
      return secret.has(name) ? (env[envName(name)] ?? input) : input;
    }
    return stdinValues.get(name) ?? invocation.flags.get(name) ?? variable(name, envName);
  };
  return Object.assign((name: string) => read(name) ?? '', {
    // GitHub and the GitLab component set every input, so only a flag (or, from a shell, a variable) tells.
    given: (name: string): boolean =>
      invocation.flags.has(name) ||
      (invocation.host === 'shell' && spellings(name).some((spelling) => env[envName(spelling)] !== undefined)),
  });
}

export function githubInputName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** The input's name and its aliases. */
function spellings(name: string): readonly string[] {
  return [name, ...(INPUTS.find((spec) => spec.name === name)?.aliases ?? [])];
}

/** Every name an input is read under: its own and its aliases'. */
export function allSpellings(): string[] {
  return INPUTS.flatMap((spec) => [spec.name, ...(spec.aliases ?? [])]);
}

/** The candidate nearest to `given` by edit distance, when it is near enough to be a slip. */
export function closest(given: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(given.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(2, Math.floor(given.length / 4));
  return bestDistance <= allowed ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
