// How every SDK client of a run is configured: its region and credentials, timeouts on every attempt, SDK retries
// on reads, a deadline on each answer (headers and body together), and retries of garbled reads.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, DeserializeMiddleware, MiddlewareStack } from '@smithy/types';
import { isGarbledAnswer } from './errors.js';
import { CONNECT_TIMEOUT_MS, RESPONSE_TIMEOUT_MS } from './limits.js';

export interface SessionOptions {
  region: string;
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Caps the wait for each answer (and for the connection, up to CONNECT_TIMEOUT_MS); default RESPONSE_TIMEOUT_MS. */
  requestTimeoutMs?: number;
  maxAttempts?: number;
  /** Aborts every call in flight, and the SDK's pause between retries, at once: the run's SIGTERM/SIGINT. */
  signal?: AbortSignal;
}

export const SDK_MAX_ATTEMPTS = 5;
export function clientConfig(options: SessionOptions): Record<string, unknown> {
  const responseMs = options.requestTimeoutMs ?? RESPONSE_TIMEOUT_MS;
  return {
    region: options.region,
    maxAttempts: options.maxAttempts ?? SDK_MAX_ATTEMPTS,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    requestHandler: {
      connectionTimeout: Math.min(CONNECT_TIMEOUT_MS, responseMs),
      requestTimeout: responseMs,
      // Without it the SDK only logs a warning when requestTimeout passes.
      throwOnRequestTimeout: true,
      // Covers an answer whose headers came but whose body stalls; wholeAnswerWithin covers one that trickles.
      socketTimeout: responseMs,
    },
  };
}

/** The middleware every client gets: its deadline for headers and body together, and retries of garbled reads. */
export function addAnswerRules<I extends object, O extends object>(
  client: { middlewareStack: MiddlewareStack<I, O> },
  options: SessionOptions,
  { retryGarbled }: { retryGarbled: boolean },
): void {
  const ms = options.requestTimeoutMs ?? RESPONSE_TIMEOUT_MS;
  client.middlewareStack.add(wholeAnswerWithin<I, O>(ms), { step: 'deserialize', priority: 'low', name: 'ecsDeliverWholeAnswerWithin' });
  if (retryGarbled) client.middlewareStack.add(retryGarbledAnswers<I, O>(), { step: 'deserialize', priority: 'high', name: 'ecsDeliverRetryGarbledAnswers' });
}

/**
 * The request timeout ends the wait for headers, and the socket timeout a body that stalls, but a body that
 * trickles in a byte at a time is never idle: this ends the answer once headers and body together took `ms`.
 */
export function wholeAnswerWithin<I extends object, O extends object>(ms: number): DeserializeMiddleware<I, O> {
  return (next) => async (args) => {
    const startedAt = Date.now();
    const result = await next(args);
    const body = (result.response as { body?: unknown }).body;
    if (isDestroyable(body)) {
      const timer = setTimeout(() => {
        const error = Object.assign(new Error(`the answer did not arrive whole within ${ms / 1000} s`), { name: 'TimeoutError', code: 'ETIMEDOUT' });
        body.destroy(error);
      }, Math.max(0, ms - (Date.now() - startedAt)));
      // The socket keeps the process alive while the body comes; the timer alone must not.
      timer.unref();
      const clear = (): void => clearTimeout(timer);
      body.once('end', clear);
      body.once('close', clear);
      body.once('error', clear);
    }
    return result;
  };
}

interface Destroyable {
  destroy(error: Error): void;
  once(event: string, listener: () => void): void;
}

function isDestroyable(body: unknown): body is Destroyable {
  return typeof body === 'object' && body !== null && typeof (body as Destroyable).destroy === 'function' && typeof (body as Destroyable).once === 'function';
}

/**
 * A truncated or garbled answer to a read fails in the SDK's reader with a SyntaxError that its retry rules do not
 * cover; marking it retryable lets the SDK try the read again like any other transient fault.
 */
export function retryGarbledAnswers<I extends object, O extends object>(): DeserializeMiddleware<I, O> {
  return (next) => async (args) => {
    try {
      return await next(args);
    } catch (error) {
      if (isGarbledAnswer(error) && Object.isExtensible(error)) {
        (error as { $retryable?: object }).$retryable = {};
      }
      throw error;
    }
  };
}
