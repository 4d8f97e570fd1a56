import { describe, expect, test } from 'vitest';
import { DOTENV_MAX_BYTES, dotenvKey, dotenvLines } from '../../src/hosts/dotenv.js';
import { OUTPUTS } from '../../src/inputs/schema.js';

// GitLab's own reading of a dotenv report: every line KEY=VALUE (first '='), both sides stripped.
function parseLikeGitLab(text: string): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const line of text.split('\n').slice(0, -1)) {
    const match = /^(.*?)=(.*)$/.exec(line);
    if (!match) throw new Error(`GitLab would reject the line ${JSON.stringify(line)}`);
    variables[(match[1] ?? '').trim()] = (match[2] ?? '').trim();
  }
  return variables;
}

const arn = (revision: number): string => `arn:aws:ecs:eu-west-1:123456789012:task-definition/web:${revision}`;

describe('dotenvKey', () => {
  test.each([
    ['task-definition-arn', 'ECS_DELIVERED_TASK_DEFINITION_ARN'],
    ['image', 'ECS_DELIVERED_IMAGE'],
    ['deployment-status', 'ECS_DELIVERED_DEPLOYMENT_STATUS'],
  ])('%s → %s', (output, key) => {
    expect(dotenvKey(output)).toBe(key);
  });

  test('every output of the schema makes a key GitLab accepts', () => {
    for (const output of OUTPUTS) expect(dotenvKey(output.name)).toMatch(/^[A-Za-z0-9_]+$/);
  });
});

describe('dotenvLines', () => {
  test('writes one KEY=VALUE line per output, which GitLab reads back unchanged', () => {
    const outputs = {
      'task-definition-arn': arn(42),
      registered: 'true',
      'image-digest': '',
      image: 'repo.example/web:1.0@sha256:abc=',
    };
    const text = dotenvLines(outputs);
    expect(text).toBe(
      `ECS_DELIVERED_TASK_DEFINITION_ARN=${arn(42)}\nECS_DELIVERED_REGISTERED=true\nECS_DELIVERED_IMAGE_DIGEST=\n` +
        'ECS_DELIVERED_IMAGE=repo.example/web:1.0@sha256:abc=\n',
    );
    expect(parseLikeGitLab(text)).toEqual({
      ECS_DELIVERED_TASK_DEFINITION_ARN: arn(42),
      ECS_DELIVERED_REGISTERED: 'true',
      ECS_DELIVERED_IMAGE_DIGEST: '',
      ECS_DELIVERED_IMAGE: 'repo.example/web:1.0@sha256:abc=',
    });
  });

  test('an empty set of outputs is an empty report, not a blank line GitLab would reject', () => {
    expect(dotenvLines({})).toBe('');
  });

  test('strips the ends of values as GitLab would, so the log and later jobs agree', () => {
    expect(dotenvLines({ image: '  web:1 \t' })).toBe('ECS_DELIVERED_IMAGE=web:1\n');
  });

  test.each([
    ['a line feed', 'web:1\nECS_DELIVERED_REGISTERED=false'],
    ['a carriage return', 'web:1\r'],
  ])('refuses a value with %s, naming the output', (_what, value) => {
    expect(() => dotenvLines({ image: value })).toThrow('output "image" has a line break');
  });

  test.each([['bad.name'], ['spaced name'], ['ümlaut']])('refuses output %j whose key GitLab would refuse', (name) => {
    expect(() => dotenvLines({ [name]: 'x' })).toThrow(`output "${name}" cannot be a GitLab dotenv key`);
  });

  test('refuses more variables than GitLab takes', () => {
    const outputs = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`output-${i}`, 'x']));
    expect(() => dotenvLines(outputs)).toThrow('21 variables; GitLab takes at most 20');
    expect(() => dotenvLines(Object.fromEntries(Object.entries(outputs).slice(0, 20)))).not.toThrow();
  });

  test('shortens a long comma-separated list by whole items to stay under 5 KB, and says so', () => {
    const deregistered = Array.from({ length: 200 }, (_, i) => arn(i + 1)).join(',');
    const warnings: string[] = [];
    const text = dotenvLines({ 'task-definition-arn': arn(300), deregistered }, (line) => warnings.push(line));
    expect(Buffer.byteLength(text)).toBeLessThan(DOTENV_MAX_BYTES);
    const kept = parseLikeGitLab(text)['ECS_DELIVERED_DEREGISTERED']?.split(',') ?? [];
    const rest = kept.pop();
    expect(kept.length).toBeGreaterThan(10);
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => arn(i + 1)));
    expect(rest).toBe(`+${200 - kept.length} more`);
    expect(parseLikeGitLab(text)['ECS_DELIVERED_TASK_DEFINITION_ARN']).toBe(arn(300));
    expect(warnings).toEqual([expect.stringContaining('ECS_DELIVERED_DEREGISTERED shortened')]);
  });

  test('keeps a report of exactly one byte under the limit as it is', () => {
    const prefix = 'ECS_DELIVERED_IMAGE=';
    const value = 'x'.repeat(DOTENV_MAX_BYTES - 1 - prefix.length - 1);
    const warnings: string[] = [];
    expect(Buffer.byteLength(dotenvLines({ image: value }, (line) => warnings.push(line)))).toBe(DOTENV_MAX_BYTES - 1);
    expect(warnings).toEqual([]);
  });

  test('throws when a single value cannot be shortened to fit', () => {
    expect(() => dotenvLines({ image: 'x'.repeat(DOTENV_MAX_BYTES) })).toThrow(/GitLab drops reports of 5 KB or more/);
  });
});
