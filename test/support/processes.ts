import { readFileSync } from 'node:fs';

/** Whether pid still runs; a killed process not yet reaped by its new parent (a zombie) does not. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    // No /proc to tell a zombie by: the process answered the signal, so it counts as running.
    return true;
  }
}
