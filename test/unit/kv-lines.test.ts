import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseImageLines, parseKeyValueLines, parsePairLines, parseTagLines } from '../../src/inputs/kv-lines.js';
import type { KeyValueEdit } from '../../src/taskdef/types.js';

describe('parseKeyValueLines', () => {
  test.each<[string, string, KeyValueEdit[]]>([
    ['one pair', 'A=1', [{ op: 'set', key: 'A', value: '1' }]],
    ['splits at the first = only', 'URL=postgres://u@h/db?sslmode=require&x=y', [{ op: 'set', key: 'URL', value: 'postgres://u@h/db?sslmode=require&x=y' }]],
    ['base64 padding survives', 'TOKEN=YWJj==', [{ op: 'set', key: 'TOKEN', value: 'YWJj==' }]],
    ['empty value is set to ""', 'A=', [{ op: 'set', key: 'A', value: '' }]],
    ['value kept exactly, key trimmed', '  A = spaced value \t', [{ op: 'set', key: 'A', value: ' spaced value \t' }]],
    ['-KEY removes', '-OLD', [{ op: 'remove', key: 'OLD' }]],
    ['-KEY with blanks around', '  - OLD  ', [{ op: 'remove', key: 'OLD' }]],
    ['blank lines and comments skipped', '\n# comment\n   \nA=1\n  # indented comment\n', [{ op: 'set', key: 'A', value: '1' }]],
    ['CRLF line ends stripped', 'A=1\r\nB=\r\n', [{ op: 'set', key: 'A', value: '1' }, { op: 'set', key: 'B', value: '' }]],
    ['a value may start with #', 'COLOR=#fff', [{ op: 'set', key: 'COLOR', value: '#fff' }]],
    ['last wins, first place kept', 'A=1\nB=2\nA=3', [{ op: 'set', key: 'A', value: '3' }, { op: 'set', key: 'B', value: '2' }]],
    ['set then remove: the removal wins', 'A=1\n-A', [{ op: 'remove', key: 'A' }]],
    ['nothing at all', '', []],
  ])('%s', (_name, text, expected) => {
    expect(parseKeyValueLines(text, 'environment')).toEqual(expected);
  });

  test.each([
    ['a line without =', 'A=1\nJUSTAWORD', /^environment, line 2: expected KEY=VALUE \(or -KEY to remove KEY\)/],
    ['an empty key', '=value', /^environment, line 1: the key before '=' is empty/],
    ['-KEY=VALUE', '\n-A=1', /^environment, line 2: a line starting with '-' removes a key and takes no '='/],
    ['a lone -', '-', /^environment, line 1: '-' needs a key/],
  ])('rejects %s', (_name, text, message) => {
    expect(() => parseKeyValueLines(text, 'environment')).toThrow(InputError);
    expect(() => parseKeyValueLines(text, 'environment')).toThrow(message);
  });

  test('an error never repeats the text of the line', () => {
    const message = messageOf(() => parseKeyValueLines('A=1\nhunter2-wrapped-value', 'secrets'));
    expect(message).toMatch(/^secrets, line 2: /);
    expect(message).not.toContain('hunter2');
  });
});

describe('parsePairLines and parseTagLines', () => {
  test.each([
    ['key=value', 'team=checkout', [{ key: 'team', value: 'checkout' }]],
    ['a key may start with - (no removal)', '-odd=1', [{ key: '-odd', value: '1' }]],
    ['= inside the value', 'expr=a=b', [{ key: 'expr', value: 'a=b' }]],
    ['empty value', 'flag=', [{ key: 'flag', value: '' }]],
    ['last wins', 'a=1\na=2', [{ key: 'a', value: '2' }]],
  ])('%s', (_name, text, expected) => {
    expect(parsePairLines(text, 'tags')).toEqual(expected);
    expect(parseTagLines(text, 'tags')).toEqual(expected);
  });

  test.each([
    ['no =', '-team', /^tags, line 1: expected key=value, found no '='/],
    ['aws: prefix', 'AWS:owner=me', /^tags: the tag key "AWS:owner" starts with "aws:"/],
  ])('rejects %s', (_name, text, message) => {
    expect(() => parseTagLines(text, 'tags')).toThrow(message);
  });
});

describe('parseImageLines', () => {
  test('container=image lines, images trimmed', () => {
    expect(parseImageLines('web = repo/web:2 \nworker=repo/worker@sha256:abc\n', 'images')).toEqual(
      new Map([
        ['web', 'repo/web:2'],
        ['worker', 'repo/worker@sha256:abc'],
      ]),
    );
  });

  test.each([
    ['no image', 'web=  ', /^images, line 1: the image for container "web" is empty/],
    ['no =', 'web', /^images, line 1: expected container=image/],
  ])('rejects %s', (_name, text, message) => {
    expect(() => parseImageLines(text, 'images')).toThrow(message);
  });
});

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected an error');
}
