// Typed errors carry what the user must do; `exitCodeFor` is the one place that maps them to exit codes.

export const EXIT = {
  ok: 0,
  failed: 1,
  unchanged: 2,
  sigint: 130,
  sigterm: 143,
} as const;

/** Bad input or a failed preflight: nothing was changed anywhere (exit 2). */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** The preflight found the target cannot be deployed to: nothing was changed (exit 2). */
export class PreflightError extends Error {
  override readonly name = 'PreflightError';
}

/** Something failed after a change began: register, update, rollout, build or push (exit 1). */
export class DeployError extends Error {
  override readonly name = 'DeployError';
}

/** AWS kept failing to answer (throttling, 5xx, resets, garbled answers) after the retries ran out (exit 1). */
export class AwsUnavailableError extends Error {
  override readonly name = 'AwsUnavailableError';
}

/** The job was cancelled by a signal. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  /** `detail`: what the cancel left behind, when a change was in flight. */
  constructor(
    readonly signal: 'SIGINT' | 'SIGTERM',
    detail?: string,
  ) {
    super(`cancelled by ${signal}${detail ? `; ${detail}` : ''}`);
  }
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof InputError || error instanceof PreflightError) return EXIT.unchanged;
  if (error instanceof CancelledError) return error.signal === 'SIGINT' ? EXIT.sigint : EXIT.sigterm;
  return EXIT.failed;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
