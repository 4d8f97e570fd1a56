// How the deploy flow talks to the host it runs on. Each host (GitHub Actions, GitLab CI, a plain shell)
// implements this; the flow never imports a host.

export interface Reporter {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
  /** Lines inside a collapsible group where the host has one. */
  group<T>(title: string, body: () => Promise<T>): Promise<T>;
  /** Registers a secret so the host redacts it from everything printed after. */
  mask(secret: string): void;
  /**
   * Says a long wait began, where the log shows progress while nothing else is printed (not under --json);
   * the wait tells where it stands through the handle, and ends it.
   */
  waiting?(label: string, timeLeft: () => number): WaitHandle;
}

export interface WaitHandle {
  /** Where the wait stands, in a few words: counts, stage, hook. */
  stands(standing: string): void;
  end(): void;
}

/** The host's reporter, counting the errors printed through it. */
export function countingErrors(inner: Reporter): { reporter: Reporter; count(): number } {
  let errors = 0;
  const reporter: Reporter = {
    info: (line) => inner.info(line),
    warn: (line) => inner.warn(line),
    error: (line) => {
      errors += 1;
      inner.error(line);
    },
    group: (title, body) => inner.group(title, body),
    mask: (secret) => inner.mask(secret),
    ...(inner.waiting ? { waiting: inner.waiting.bind(inner) } : {}),
  };
  return { reporter, count: () => errors };
}
