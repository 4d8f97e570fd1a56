// The credentials a run holds from its environment. AWS quotes a request's session token back inside some errors
// (a signature error shows the canonical request), so every host masks these before its first line.
import { readFileSync } from 'node:fs';

type Env = Readonly<Record<string, string | undefined>>;

const SECRET_VARIABLES = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN', 'AWS_CONTAINER_AUTHORIZATION_TOKEN'];
const TOKEN_FILES = ['AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE'];
/** A token file is a few KB; anything larger is not read whole. */
const LONGEST_TOKEN_FILE = 64 * 1024;

export function heldCredentials(env: Env): string[] {
  const values = SECRET_VARIABLES.map((name) => env[name] ?? '');
  for (const name of TOKEN_FILES) {
    const path = env[name];
    if (path) values.push(readToken(path));
  }
  return values.map((value) => value.trim()).filter((value) => value !== '');
}

function readToken(path: string): string {
  try {
    return readFileSync(path, 'utf8').slice(0, LONGEST_TOKEN_FILE);
  } catch {
    // Unreadable here is unreadable to the SDK too, which then says so without quoting it.
    return '';
  }
}
