// Every line a host prints passes through here, so a secret registered once never reaches a log,
// even when it comes back inside another tool's error message.

export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string): void {
    const value = secret.trim();
    if (value.length < 4) return;
    this.secrets.add(value);
    this.secrets.add(Buffer.from(value).toString('base64'));
  }

  redact(text: string): string {
    let out = text;
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(secret).join('***');
    }
    return out;
  }
}
