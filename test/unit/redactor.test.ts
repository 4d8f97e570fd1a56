// A secret registered once is replaced in every form a client or our own output can echo it in.
import { describe, expect, test } from 'vitest';
import { heldCredentials } from '../../src/hosts/held-credentials.js';
import { Redactor } from '../../src/redactor.js';
import { renderSummary } from '../../src/hosts/summary.js';
import { notStartedResult } from '../../src/deploy/result.js';
import { DeployError } from '../../src/errors.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PASSWORD = 'p@ss"w/rd+1 x&y_z|q';
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('Redactor', () => {
  const redactor = new Redactor();
  redactor.add(PASSWORD);

  test.each([
    ['as is', PASSWORD],
    ['base64', b64(PASSWORD)],
    ['base64 without padding', b64(PASSWORD).replace(/=+$/, '')],
    ['base64url', Buffer.from(PASSWORD).toString('base64url')],
    ['URL-encoded', encodeURIComponent(PASSWORD)],
    ['URL-encoded with lower-case hex', encodeURIComponent(PASSWORD).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())],
    ['form-encoded', new URLSearchParams({ p: PASSWORD }).toString().slice(2)],
    ['JSON-escaped', JSON.stringify(PASSWORD).slice(1, -1)],
    ['JSON-escaped twice (JSON inside a JSON string)', JSON.stringify(JSON.stringify(PASSWORD).slice(1, -1)).slice(1, -1)],
    ['escaped for markdown', PASSWORD.replace(/([\\`*_[\]<>|])/g, '\\$1')],
    ['JSON-escaped, then escaped for markdown', JSON.stringify(PASSWORD).slice(1, -1).replace(/([\\`*_[\]<>|])/g, '\\$1')],
  ])('%s', (_name, form) => {
    const line = `before ${form} after`;
    expect(redactor.redact(line)).toBe('before *** after');
  });

  test.each(['bob', 'a', 'deploy-user', 'AWS'])('inside base64 of %s:password, as HTTP basic auth and docker config files carry it', (user) => {
    const out = redactor.redact(`auth ${b64(`${user}:${PASSWORD}`)} done`);
    expect(out).toContain('***');
    expect(out).not.toContain(b64(`${user}:${PASSWORD}`));
    // What is left cannot be decoded back to the password.
    expect(Buffer.from(out.split(' ')[1] ?? '', 'base64').toString()).not.toContain(PASSWORD.slice(2, 10));
  });

  test('text without the secret is left alone', () => {
    expect(redactor.redact('deployment COMPLETED: web:3 runs 2 tasks')).toBe('deployment COMPLETED: web:3 runs 2 tasks');
  });

  test('the job summary of a failure that quotes the password is redacted', () => {
    const result = notStartedResult({ region: 'eu-west-1' }, new DeployError(`docker login failed: {"password":${JSON.stringify(PASSWORD)}}`), { startedAt: 0, finishedAt: 1 });
    const summary = renderSummary(redactor.redactValue(result));
    expect(summary).toContain('docker login failed');
    expect(summary).not.toMatch(/rd.{0,2}1/);
    expect(redactor.redact(renderSummary(result))).not.toMatch(/rd.{0,2}1/);
  });
});

describe('heldCredentials', () => {
  test('the secret key, the session token, the web identity token file and the profile\'s secrets: never a key ID', () => {
    const dir = mkdtempSync(join(tmpdir(), 'held-'));
    try {
      writeFileSync(join(dir, 'token'), 'eyJ.web-identity.token\n');
      writeFileSync(
        join(dir, 'credentials'),
        '[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = default-secret\n\n[deploy]\naws_access_key_id=AKIADEPLOY\naws_secret_access_key=deploy-secret\naws_session_token = deploy-token\n',
      );
      const held = heldCredentials({
        AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'secret-key',
        AWS_SESSION_TOKEN: 'session-token',
        AWS_WEB_IDENTITY_TOKEN_FILE: join(dir, 'token'),
        AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: join(dir, 'missing'),
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
        AWS_PROFILE: 'deploy',
      });
      expect(held).toEqual(['secret-key', 'session-token', 'eyJ.web-identity.token', 'deploy-secret', 'deploy-token']);
      expect(heldCredentials({ AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') })).toEqual(['default-secret']);
      expect(heldCredentials({ HOME: dir })).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
