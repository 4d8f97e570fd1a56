// The credentials a run holds from its environment. AWS quotes a request's session token back inside some errors
// (a signature error shows the canonical request), so every host masks these before its first line.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

const SECRET_VARIABLES = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN', 'AWS_CONTAINER_AUTHORIZATION_TOKEN'];
const TOKEN_FILES = ['AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE'];
/** A token file is a few KB; anything larger is not read whole. */
const LONGEST_TOKEN_FILE = 64 * 1024;

/** Keys of the shared credentials file whose values are secret. */
const SECRET_KEYS = new Set(['aws_secret_access_key', 'aws_session_token', 'aws_security_token']);

export function heldCredentials(env: Env): string[] {
  const values = SECRET_VARIABLES.map((name) => env[name] ?? '');
  for (const name of TOKEN_FILES) {
    const path = env[name];
    if (path) values.push(readToken(path));
  }
  values.push(...profileSecrets(env));
  return values.map((value) => value.trim()).filter((value) => value !== '');
}

/** The secret values of the profile the SDK reads from the shared credentials file, when it has one. */
function profileSecrets(env: Env): string[] {
  const path = env['AWS_SHARED_CREDENTIALS_FILE'] || join(env['HOME'] || homedir(), '.aws', 'credentials');
  const profile = env['AWS_PROFILE'] || 'default';
  const secrets: string[] = [];
  let inProfile = false;
  for (const line of readToken(path).split(/\r?\n/)) {
    const section = /^\s*\[\s*(?:profile\s+)?([^\]]+?)\s*\]/.exec(line);
    if (section) {
      inProfile = section[1] === profile;
      continue;
    }
    const entry = /^\s*([A-Za-z_]+)\s*=\s*(.*)$/.exec(line);
    if (inProfile && entry && SECRET_KEYS.has((entry[1] ?? '').toLowerCase())) secrets.push(entry[2] ?? '');
  }
  return secrets;
}

function readToken(path: string): string {
  try {
    return readFileSync(path, 'utf8').slice(0, LONGEST_TOKEN_FILE);
  } catch {
    // Unreadable here is unreadable to the SDK too, which then says so without quoting it.
    return '';
  }
}
