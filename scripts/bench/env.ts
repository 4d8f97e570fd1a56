// Where the bench runs: the repository root, the bundle, and environments that point it at a local server only.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const REGION = 'us-east-1';

/** The directory holding ecs-deliver's package.json, found upwards from the working directory. */
export function findRoot(from = process.cwd()): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'ecs-deliver') return dir;
    if (dirname(dir) === dir) throw new Error(`no ecs-deliver package.json above ${from}; run the bench from the repository`);
  }
}

/** The parent's environment minus anything that would point the bundle at a real account or host. */
export function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^(AWS_|ECS_DELIVER|INPUT_|GITHUB_|GITLAB_CI|CI_|NODE_OPTIONS$)/.test(key)) continue;
    env[key] = value;
  }
  env['AWS_EC2_METADATA_DISABLED'] = 'true';
  env['HOME'] = env['HOME'] ?? '/tmp';
  return env;
}

/** Static test credentials and every AWS endpoint at `url`. */
export function localAwsEnv(url: string): Record<string, string> {
  return {
    ...cleanEnv(),
    AWS_ENDPOINT_URL: url,
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

export function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v "${command}"`], { stdio: 'ignore' }).status === 0;
}
