// Opens the AWS session for a run, loading the SDK only when one is needed.
import type { AwsSession } from './aws/clients.js';
import { credentialSourceVisible, regionFrom } from './aws/credentials-visible.js';
import { InputError, errorMessage } from './errors.js';
import type { Inputs } from './inputs/parse.js';
import type { Reporter } from './report.js';

type Env = Readonly<Record<string, string | undefined>>;

const DRY_RUN_CREDENTIALS_LIMIT_MS = 3000;
const SESSION_MS = 3_600_000;

/** `signal` (the run's cancel) aborts every AWS call in flight. */
export async function openSession(inputs: Inputs, env: Env, reporter: Reporter, signal?: AbortSignal): Promise<AwsSession | undefined> {
  const region = regionFrom(inputs.region, env);
  if (inputs.dryRun && !credentialSourceVisible(env, inputs.webIdentityToken)) {
    reporter.info('No AWS credentials found: the dry run renders without comparing with ECS.');
    return undefined;
  }
  if (!region) {
    if (inputs.dryRun) {
      reporter.info('No region set: the dry run renders without comparing with ECS.');
      return undefined;
    }
    throw new InputError('region: not set; set region, or AWS_REGION / AWS_DEFAULT_REGION.');
  }
  const { createSession } = await import('./aws/clients.js');
  const credentials = inputs.roleArn ? await webIdentityCredentials(inputs, region, env, reporter, signal) : undefined;
  const session = createSession({
    region,
    ...(credentials ? { credentials } : {}),
    ...(signal ? { signal } : {}),
    ...(inputs.dryRun ? { requestTimeoutMs: DRY_RUN_CREDENTIALS_LIMIT_MS, maxAttempts: 2 } : {}),
  });
  if (inputs.dryRun) {
    const problem = await withinLimit(session.resolveCredentials(), DRY_RUN_CREDENTIALS_LIMIT_MS);
    if (problem) {
      reporter.warn(`${problem}: the dry run renders without comparing with ECS.`);
      return undefined;
    }
  }
  return session;
}

async function webIdentityCredentials(inputs: Inputs, region: string, env: Env, reporter: Reporter, signal: AbortSignal | undefined) {
  const { assumeRoleWithWebIdentity, sessionNameFor } = await import('./aws/web-identity.js');
  // A rollback can wait as long again as the rollout; the session must not end before both.
  const longestRunMs = inputs.waitTimeoutMs * (inputs.rollback ? 2 : 1);
  if (longestRunMs > SESSION_MS) {
    reporter.warn(
      `wait-timeout ${inputs.waitTimeoutMs / 60_000}m may outlast the one-hour web identity session; lower wait-timeout, or use credentials that refresh.`,
    );
  }
  return assumeRoleWithWebIdentity({
    roleArn: inputs.roleArn,
    token: inputs.webIdentityToken,
    region,
    sessionName: sessionNameFor(env),
    reporter,
    ...(signal ? { signal } : {}),
  });
}

async function withinLimit(pending: Promise<unknown>, limitMs: number): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no AWS credentials within ${limitMs / 1000}s`), limitMs);
  });
  try {
    return await Promise.race([
      pending.then(
        () => undefined,
        (error: unknown) => `AWS credentials could not be loaded (${errorMessage(error).split('\n')[0] ?? ''})`,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
