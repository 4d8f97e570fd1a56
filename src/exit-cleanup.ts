// Paths the run must not leave behind, such as the private DOCKER_CONFIG that holds a registry login. They are
// removed however the process ends: by itself, after an error, at once on a repeated signal, whose process.exit
// skips every pending `finally`, or on a hangup.
import { rmSync } from 'node:fs';

/** The code a shell gives a process ended by a hangup. */
export const HANGUP_EXIT = 129;

const paths = new Set<string>();
let exitHookInstalled = false;

// A hangup would end the process without 'exit', leaving the paths and the container client's process group
// behind: while there are paths, it ends through 'exit' instead.
const onHangup = (): never => process.exit(HANGUP_EXIT);

/** Removes `path` when the process exits, unless the answered function is called first (it was removed already). */
export function removeOnExit(path: string): () => void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', removeAllNow);
  }
  if (paths.size === 0) process.on('SIGHUP', onHangup);
  paths.add(path);
  return () => {
    if (paths.delete(path) && paths.size === 0) process.off('SIGHUP', onHangup);
  };
}

/** Synchronous, so it also runs in an 'exit' listener. */
export function removeAllNow(): void {
  for (const path of paths) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // Nothing more can be done while exiting; the next path is still tried.
    }
  }
  paths.clear();
}
