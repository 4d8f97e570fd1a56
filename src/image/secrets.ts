// Every password and token this module touches is registered here before its first use: the host masks it,
// and our own redaction covers text that does not pass through the host (error messages, docker's stderr).
import type { Reporter } from '../report.js';

export const REDACTED = '***';

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** The forms a secret travels in: as is, base64, and base64 of `user:secret` (HTTP basic auth, docker config files). */
export function secretForms(secret: string, username?: string): string[] {
  if (secret === '') return [];
  const forms = [secret, base64(secret)];
  if (username !== undefined) forms.push(base64(`${username}:${secret}`));
  return forms;
}

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  // Longest first, so a secret that contains another is replaced whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret !== '') out = out.split(secret).join(REDACTED);
  }
  return out;
}

export class SecretRegistry {
  private readonly values = new Set<string>();

  constructor(private readonly reporter: Pick<Reporter, 'mask'>) {}

  add(secret: string, username?: string): void {
    for (const form of secretForms(secret, username)) {
      if (this.values.has(form)) continue;
      this.values.add(form);
      this.reporter.mask(form);
    }
  }

  redact(text: string): string {
    return redact(text, [...this.values]);
  }

  all(): readonly string[] {
    return [...this.values];
  }
}
