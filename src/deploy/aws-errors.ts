import { errorMessage } from '../errors.js';

export function awsErrorName(error: unknown): string {
  if (error && typeof error === 'object' && 'name' in error && typeof error.name === 'string') return error.name;
  return '';
}

/** One line for an AWS failure, with the fix where the error says what it is. */
export function describeAwsError(action: string, error: unknown): string {
  const name = awsErrorName(error);
  const message = errorMessage(error);
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) {
    return `${action}: no AWS credentials found; set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or role-arn with web-identity-token.`;
  }
  if (name === 'AccessDeniedException' || name === 'AccessDenied' || /not authorized/i.test(message)) {
    return `${action}: access denied (${message}); grant the permission listed in the README's IAM policy.`;
  }
  if (name === 'UnrecognizedClientException' || name === 'InvalidSignatureException' || name === 'ExpiredTokenException') {
    return `${action}: AWS rejected the credentials (${name}: ${message}); check the access key, or refresh the session.`;
  }
  return `${action}: ${name && !message.startsWith(name) ? `${name}: ` : ''}${message}`;
}
