// OIDC instead of long-lived keys: trade the CI job's identity token for short-lived role credentials.
// The credentials live in memory only; nothing here writes a file or sets an environment variable.
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { AwsUnavailableError, InputError, PreflightError, errorMessage } from '../errors.js';
import { classifyError, describeError, errorName } from './errors.js';
import { addAnswerRules, clientConfig } from './clients.js';
import type { Reporter } from '../report.js';

export interface WebIdentityRequest {
  roleArn: string;
  token: string;
  region: string;
  sessionName: string;
  /** Session length; the role's maximum session duration bounds it (AWS default: one hour). */
  durationSeconds?: number;
  stsClient?: STSClient;
  /** Aborts the call in flight (the run's cancel). */
  signal?: AbortSignal;
  /** Receives the token and the credentials to mask, and one line saying which role was assumed. */
  reporter?: Pick<Reporter, 'info' | 'mask'>;
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const SESSION_NAME_MAX = 64;

export async function assumeRoleWithWebIdentity(request: WebIdentityRequest): Promise<AwsCredentialIdentity> {
  const { roleArn, token, region, sessionName, reporter } = request;
  checkRequest(request);
  reporter?.mask(token);
  // No credentials yet: the token is what signs this call. Timeouts as for every other client.
  const sts = request.stsClient ?? stsClient(region);
  const answer = await sts
    .send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: roleArn,
        RoleSessionName: sessionName,
        WebIdentityToken: token,
        ...(request.durationSeconds === undefined ? {} : { DurationSeconds: request.durationSeconds }),
      }),
      request.signal ? { abortSignal: request.signal } : {},
    )
    .catch((error: unknown) => {
      const kind = classifyError(error);
      if (kind === 'throttled' || kind === 'transient') {
        // STS (or the issuer it asks) did not answer: nothing is wrong with the inputs; the job can run again.
        const message = errorName(error).startsWith('IDPCommunicationError')
          ? explain(error, roleArn, region)
          : `AWS is not answering: STS AssumeRoleWithWebIdentity for ${roleArn}: ${describeError(error)}`;
        throw new AwsUnavailableError(withoutToken(message, token));
      }
      throw new PreflightError(withoutToken(explain(error, roleArn, region), token));
    });
  const credentials = answer.Credentials;
  if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken) {
    throw new PreflightError(`role-arn ${roleArn}: STS answered AssumeRoleWithWebIdentity without credentials`);
  }
  reporter?.mask(credentials.SecretAccessKey);
  reporter?.mask(credentials.SessionToken);
  const until = credentials.Expiration ? `, valid until ${credentials.Expiration.toISOString()}` : '';
  reporter?.info(`Assumed ${roleArn} with the web identity token as session ${sessionName}${until}`);
  return {
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    sessionToken: credentials.SessionToken,
    ...(credentials.Expiration ? { expiration: credentials.Expiration } : {}),
  };
}

/**
 * `ecs-deliver-<project>-<pipeline>` from the CI's variables (GitLab, GitHub, Jenkins), so CloudTrail shows which
 * pipeline acted. Only the characters STS allows, at most 64, the project shortened before the pipeline id.
 */
export function sessionNameFor(env: Readonly<Record<string, string | undefined>>): string {
  const project = env['CI_PROJECT_PATH_SLUG'] || env['GITHUB_REPOSITORY'] || env['JOB_NAME'] || '';
  const run = env['CI_PIPELINE_ID'] || env['GITHUB_RUN_ID'] || env['BUILD_NUMBER'] || '';
  const suffix = run === '' ? '' : sanitise(`-${run}`).slice(0, 24);
  const prefix = sanitise(project === '' ? 'ecs-deliver' : `ecs-deliver-${project}`);
  return prefix.slice(0, SESSION_NAME_MAX - suffix.length) + suffix;
}

function sanitise(name: string): string {
  return name.replace(/[^\w+=,.@-]/g, '-');
}

function checkRequest({ roleArn, token, region, sessionName }: WebIdentityRequest): void {
  if (!ROLE_ARN.test(roleArn)) {
    throw new InputError(`role-arn "${roleArn}" is not an IAM role ARN: use arn:aws:iam::<account>:role/<name>`);
  }
  if (token.trim() === '') {
    throw new InputError(
      'role-arn is set but web-identity-token is empty: on GitLab add to the job ' +
        '"id_tokens: {ECS_DELIVER_WEB_IDENTITY_TOKEN: {aud: sts.amazonaws.com}}"',
    );
  }
  if (region === '') throw new InputError('region is not set: set region, AWS_REGION or AWS_DEFAULT_REGION');
  if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
    throw new InputError(`session name "${sessionName}" must be 2 to 64 of the characters [A-Za-z0-9_+=,.@-]`);
  }
}

function explain(error: unknown, roleArn: string, region: string): string {
  const name = error instanceof Error ? error.name : '';
  const detail = errorMessage(error);
  switch (name) {
    case 'AccessDenied':
    case 'AccessDeniedException':
      return (
        `role-arn ${roleArn} refused the web-identity-token (AccessDenied: ${detail}); ` +
        "fix the role's trust policy: trust the token issuer's OIDC provider and allow " +
        'sts:AssumeRoleWithWebIdentity for this aud and sub'
      );
    case 'InvalidIdentityToken':
    case 'InvalidIdentityTokenException':
      return (
        `web-identity-token was rejected (InvalidIdentityToken: ${detail}); ` +
        'add the token issuer as an IAM OIDC identity provider and give the token an audience it lists ' +
        '(GitLab: id_tokens aud: sts.amazonaws.com)'
      );
    case 'ExpiredToken':
    case 'ExpiredTokenException':
      return (
        `web-identity-token has expired (${detail}); ` +
        'mint it in the job that deploys (GitLab: id_tokens on that job) and run the job again'
      );
    case 'IDPRejectedClaim':
    case 'IDPRejectedClaimException':
      return (
        `role-arn ${roleArn}: the identity provider rejected the web-identity-token's claims (${detail}); ` +
        "check the token's aud and sub against the role's trust policy"
      );
    case 'IDPCommunicationError':
    case 'IDPCommunicationErrorException':
      return `web-identity-token could not be verified: AWS could not reach its issuer (${detail}); run the job again`;
    case 'RegionDisabledException':
      return `region ${region} is not enabled for STS in this account (${detail}); enable it or set another region`;
    default:
      return `role-arn ${roleArn}: AssumeRoleWithWebIdentity failed: ${name === '' ? '' : `${name}: `}${detail}`;
  }
}

function withoutToken(message: string, token: string): string {
  return token === '' ? message : message.split(token).join('***');
}

function stsClient(region: string): STSClient {
  const client = new STSClient(clientConfig({ region }));
  addAnswerRules(client, { region }, { retryGarbled: false });
  return client;
}
