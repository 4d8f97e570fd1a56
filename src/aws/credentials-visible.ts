// Whether any credential source other than an instance role is visible, checked without loading the SDK,
// so that a dry run on a laptop or a fork's pipeline never waits on the metadata service.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

const ENV_SOURCES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_PROFILE',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
];

export function credentialSourceVisible(env: Env, webIdentityToken: string): boolean {
  if (webIdentityToken !== '') return true;
  if (ENV_SOURCES.some((name) => (env[name] ?? '') !== '')) return true;
  const home = env['HOME'] ?? homedir();
  const files = [
    env['AWS_SHARED_CREDENTIALS_FILE'] ?? join(home, '.aws', 'credentials'),
    env['AWS_CONFIG_FILE'] ?? join(home, '.aws', 'config'),
  ];
  return files.some((file) => existsSync(file));
}

export function regionFrom(input: string, env: Env): string {
  return input || env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || '';
}
