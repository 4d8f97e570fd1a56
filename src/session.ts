// Opens the AWS session for a run, loading the SDK only when one is needed.
import type { AwsSession, SessionOptions } from './aws/clients.js';
import { credentialSourceVisible, regionFrom } from './aws/credentials-visible.js';
import { InputError, errorMessage } from './errors.js';
import type { Inputs } from './inputs/parse.js';
import type { Reporter } from './report.js';

type Env = Readonly<Record<string, string | undefined>>;

const DRY_RUN_CREDENTIALS_LIMIT_MS = 3000;
const SESSION_MS = 3_600_000;

/** The session of a run that changes things: a region is required, credentials are the SDK's to find. */
export async function openSession(inputs: Inputs, env: Env, reporter: Reporter, signal: AbortSignal): Promise<AwsSession> {
  const region = regionFrom(inputs.region, env);
  if (!region) throw new InputError('region: not set; set region, or AWS_REGION / AWS_DEFAULT_REGION.');
  return createSessionFor(inputs, region, env, reporter, signal);
}

/**
 * The session of a dry run, which only reads: undefined when there are no credentials or no region, and the
 * dry run plans without comparing with ECS.
 */
export async function openDryRunSession(inputs: Inputs, env: Env, reporter: Reporter, signal: AbortSignal): Promise<AwsSession | undefined> {
  const region = regionFrom(inputs.region, env);
  if (!credentialSourceVisible(env, inputs.webIdentityToken)) {
    reporter.info('No AWS credentials found: the dry run renders without comparing with ECS.');
    return undefined;
  }
  if (!region) {
    reporter.info('No region set: the dry run renders without comparing with ECS.');
    return undefined;
  }
  const session = await createSessionFor(inputs, region, env, reporter, signal, {
    requestTimeoutMs: DRY_RUN_CREDENTIALS_LIMIT_MS,
    maxAttempts: 2,
  });
  const problem = await withinLimit(session.resolveCredentials(), DRY_RUN_CREDENTIALS_LIMIT_MS);
  if (problem) {
    reporter.warn(`${problem}: the dry run renders without comparing with ECS.`);
    return undefined;
  }
  return session;
}

async function createSessionFor(
  inputs: Inputs,
  region: string,
  env: Env,
  reporter: Reporter,
  signal: AbortSignal,
  limits: Pick<SessionOptions, 'requestTimeoutMs' | 'maxAttempts'> = {},
): Promise<AwsSession> {
  const { createSession } = await import('./aws/clients.js');
  const credentials = inputs.roleArn ? await webIdentityCredentials(inputs, region, env, reporter, signal) : undefined;
  // The run's cancel reaches every AWS call, so a signal ends a call in flight too.
  const options: SessionOptions = {
    region,
    ...(credentials ? { credentials } : {}),
    ...limits,
    signal,
  };
  return createSession(options);
}

async function webIdentityCredentials(inputs: Inputs, region: string, env: Env, reporter: Reporter, signal: AbortSignal) {
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
    signal,
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
