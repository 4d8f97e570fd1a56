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
}
