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

export function detectHost(argv: readonly string[], env: Env): HostKind {
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
      const spec = INPUTS.find((input) => input.name === name);
      if (!spec) throw new UsageError(`unknown flag --${name}; run with --help to list the inputs.`);
      if (spec.secret) {
        throw new UsageError(
          `--${name} is not accepted on the command line, where process lists and logs show it; set ${envName(name)} or pass --${name}-stdin.`,
        );
      }
      if (eq !== -1) flags.set(name, arg.slice(eq + 1));
      else if (takesBareFlag(spec, argv[i + 1])) flags.set(name, 'true');
      else {
        const next = argv[i + 1];
        if (next === undefined) throw new UsageError(`--${name} needs a value; write --${name} <value>.`);
        flags.set(name, next);
        i++;
      }
    } else {
      throw new UsageError(`unexpected argument "${arg}"; inputs are given as --name value (see --help).`);
    }
  }
  return { host: detectHost(argv, env), flags, stdinInputs, json, help, version };
}

function takesBareFlag(spec: InputSpec, next: string | undefined): boolean {
  if (spec.type !== 'boolean') return false;
  return next === undefined || next.startsWith('--') || !/^(true|false|yes|no|1|0|on|off)$/i.test(next);
}

/** The raw string of one input for this invocation ("" when not given). */
export function rawInputReader(
  invocation: Invocation,
  env: Env,
  stdinValues: ReadonlyMap<string, string>,
): (name: string) => string {
  return (name) => {
    if (invocation.host === 'github-action') {
      return env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
    }
    return stdinValues.get(name) ?? invocation.flags.get(name) ?? env[envName(name)] ?? '';
  };
}
