// Sends a signal to the process a runner started for the job (the node process under gitlab-ci-local's shell, or
// under local-action's tsx), as a CI runner cancelling the job would: the runners themselves are left alone.
import { readFileSync, readdirSync } from 'node:fs';

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command may hold spaces and parentheses: the fields after its closing parenthesis are fixed.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) children.push(Number(entry));
    } catch {
      // The process ended while being read.
    }
  }
  return children;
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** The deepest descendant of `root` whose command line holds `fragment`; undefined when there is none yet. */
export function descendantRunning(root: number, fragment: string): number | undefined {
  let found: number | undefined;
  const visit = (pid: number): void => {
    for (const child of childrenOf(pid)) {
      if (commandOf(child).includes(fragment)) found = child;
      visit(child);
    }
  };
  visit(root);
  return found;
}

/** Signals that descendant; false when none was running. */
export function signalDescendant(root: number, fragment: string, signal: NodeJS.Signals): boolean {
  const pid = descendantRunning(root, fragment);
  if (pid === undefined) return false;
  process.kill(pid, signal);
  return true;
}
