// Tools that scripts/install-test-tools.sh puts in .tmp/tools, outside the project's node_modules: Node 24 and
// gitlab-ci-local. A missing one skips the suite with the install line, unless ECS_DELIVER_REQUIRE_SERVERS=1.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandAvailable, serversRequired } from './servers.js';

const TOOLS = fileURLToPath(new URL('../../.tmp/tools/node_modules/', import.meta.url));
const INSTALL = 'bash scripts/install-test-tools.sh';

export const NODE_24 = join(TOOLS, '.bin', 'node');
export const GITLAB_CI_LOCAL = join(TOOLS, 'gitlab-ci-local', 'dist', 'index.js');

/** undefined when gitlab-ci-local, the Node 24 it runs on, git and rsync (it copies the project with it) are there. */
export function gitlabCiLocalMissing(): string | undefined {
  const missing = [
    ...(existsSync(NODE_24) ? [] : [`Node 24 (${INSTALL})`]),
    ...(existsSync(GITLAB_CI_LOCAL) ? [] : [`gitlab-ci-local (${INSTALL})`]),
    ...['git', 'rsync'].filter((command) => !commandAvailable(command)).map((command) => `${command} (apt-get install ${command})`),
  ];
  if (missing.length === 0) return undefined;
  const line = `skipped: not found: ${missing.join(', ')}`;
  if (serversRequired) throw new Error(`ECS_DELIVER_REQUIRE_SERVERS=1 but ${line}`);
  console.warn(line);
  return line;
}
