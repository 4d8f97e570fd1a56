import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Every regular file below `dir` (under 50 MiB), for scans of what a run left behind. */
export async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (entry.isFile() && (await stat(path)).size < 50 * 1024 * 1024) out.push(path);
  }
  return out;
}
