import { expect, test } from 'vitest';
import { REDACTED, SecretRegistry, redact, secretForms } from '../../src/image/secrets.js';

const b64 = (text: string) => Buffer.from(text).toString('base64');

test.each([
  ['password alone', 'pw', undefined, ['pw', b64('pw')]],
  ['with a username', 'pw', 'AWS', ['pw', b64('pw'), b64('AWS:pw')]],
  ['nothing for an empty secret', '', 'AWS', []],
])('secretForms: %s', (_name, secret, username, expected) => {
  expect(secretForms(secret, username)).toEqual(expected);
});

test.each([
  ['every occurrence', 'a s3cret b s3cret', ['s3cret'], `a ${REDACTED} b ${REDACTED}`],
  ['the longer secret first', 'token-abc', ['abc', 'token-abc'], REDACTED],
  ['no secrets', 'plain', [], 'plain'],
  ['an empty secret changes nothing', 'plain', [''], 'plain'],
])('redact: %s', (_name, text, secrets, expected) => {
  expect(redact(text, secrets)).toBe(expected);
});

test('the registry masks each form once, before it can be used, and redacts all of them', () => {
  const masked: string[] = [];
  const secrets = new SecretRegistry({ mask: (value) => masked.push(value) });
  secrets.add('hunter2', 'bob');
  secrets.add('hunter2', 'bob');
  expect(masked).toEqual(['hunter2', b64('hunter2'), b64('bob:hunter2')]);
  expect(secrets.redact(`auth=${b64('bob:hunter2')} pw=hunter2`)).toBe(`auth=${REDACTED} pw=${REDACTED}`);
});
