// Paths the run must not leave behind, such as the private DOCKER_CONFIG that holds a registry login. They are
// removed however the process ends: by itself, after an error, at once on a repeated signal, whose process.exit
// skips every pending `finally`, or on a hangup.
import { rmSync } from 'node:fs';

const paths = new Set<string>();
const HANGUP_EXIT = 129;
let listening = false;

/** Removes `path` when the process exits, unless the answered function is called first (it was removed already). */
export function removeOnExit(path: string): () => void {
  paths.add(path);
  if (!listening) {
    listening = true;
    process.on('exit', removeAllNow);
    // A hangup would end the process without 'exit', leaving the paths and the client's process group behind:
    // end through 'exit' instead, with the code a shell gives a hangup.
    process.once('SIGHUP', () => process.exit(HANGUP_EXIT));
  }
  return () => {
    paths.delete(path);
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
