// Every line a host prints passes through here, so a secret registered once never reaches a log,
// even when it comes back inside another tool's error message, in whatever encoding that tool used.

export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string): void {
    const value = secret.trim();
    if (value.length < 4) return;
    for (const form of echoForms(value)) this.secrets.add(form);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(secret).join('***');
    }
    return out;
  }

  /**
   * Every text inside a value (a run's result) redacted, so what is rendered from it (the job summary) cannot
   * carry a secret in an escaped form that only the rendering made.
   */
  redactValue<T>(value: T): T {
    if (typeof value === 'string') return this.redact(value) as T;
    if (Array.isArray(value)) return value.map((item: unknown) => this.redactValue(item)) as T;
    if (value instanceof Error) return Object.assign(Object.create(Object.getPrototypeOf(value) as object) as Error, value, { message: this.redact(value.message) }) as T;
    if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.redactValue(item)])) as T;
    }
    return value;
  }
}

/** Shorter pieces of a longer base64 text match ordinary words too often to be replaced. */
const SHORTEST_EMBEDDED_BASE64 = 8;

/**
 * The forms a secret takes when echoed: as is; base64 (also inside a longer base64 text, such as `user:password`);
 * URL- and form-encoded, as a signed request or an HTTP client quotes it; JSON-escaped, once or inside JSON text;
 * and escaped for markdown, as the job summary writes it.
 */
export function echoForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const url = encodeURIComponent(secret);
  const form = new URLSearchParams({ v: secret }).toString().slice(2);
  const forms = [
    secret,
    ...base64Forms(secret),
    url,
    lowerHex(url),
    form,
    lowerHex(form),
    json,
    JSON.stringify(json).slice(1, -1),
  ];
  return [...new Set([...forms, ...forms.flatMap(markdownForms)])];
}

/** As the job summary escapes text: prose, and table cells. */
function markdownForms(text: string): string[] {
  return [text.replace(/([\\`*_[\]<>|])/g, '\\$1'), text.replace(/\|/g, '\\|')];
}

function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const whole = bytes.toString('base64');
  const forms = [whole, whole.replace(/=+$/, ''), bytes.toString('base64url')];
  // Inside a longer text the secret starts at one of three byte offsets; only the characters made of its bytes alone
  // are the same whatever comes before and after.
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const start = Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    const piece = encoded.slice(start, end);
    if (piece.length >= SHORTEST_EMBEDDED_BASE64) forms.push(piece, piece.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return forms;
}

function lowerHex(encoded: string): string {
  return encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
}
