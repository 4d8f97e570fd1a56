import { describe, expect, test } from 'vitest';
import { consoleUrl, familyRevision, formatDuration, resourceName, sameRevision } from '../../src/aws/names.js';

describe('names', () => {
  test.each([
    ['arn:aws:ecs:eu-west-1:123456789012:task-definition/web:5', 'web:5'],
    ['web:5', 'web:5'],
  ])('familyRevision(%s)', (input, name) => {
    expect(familyRevision(input)).toBe(name);
  });

  test('familyRevision of a described revision gives the same label as its ARN', () => {
    expect(familyRevision({ family: 'web', revision: 5 })).toBe(familyRevision('arn:aws:ecs:eu-west-1:1:task-definition/web:5'));
  });

  test.each([
    ['arn:aws:ecs:r:1:task-definition/web:5', 'web:5', true],
    ['arn:aws:ecs:r:1:task-definition/web:5', 'arn:aws:ecs:r:1:task-definition/web:50', false],
    ['arn:aws:ecs:r:1:task-definition/web:5', 'web-worker:5', false],
    [undefined, 'web:5', false],
  ])('sameRevision(%s, %s)', (a, b, same) => {
    expect(sameRevision(a, b)).toBe(same);
  });

  test.each([
    ['arn:aws:ecs:eu-west-1:1:cluster/prod', 'prod'],
    ['arn:aws:ecs:eu-west-1:1:service/prod/web', 'web'],
    ['web', 'web'],
  ])('resourceName(%s)', (input, name) => {
    expect(resourceName(input)).toBe(name);
  });

  test('consoleUrl uses names even when given ARNs', () => {
    expect(consoleUrl('us-east-2', 'arn:aws:ecs:us-east-2:1:cluster/prod', 'arn:aws:ecs:us-east-2:1:service/prod/web')).toBe(
      'https://us-east-2.console.aws.amazon.com/ecs/v2/clusters/prod/services/web/deployments?region=us-east-2',
    );
  });

  test.each([
    [45_000, '45s'],
    [60_000, '1m'],
    [64_000, '1m 4s'],
    [30 * 60_000, '30m'],
    [3_600_000, '1h'],
    [5_400_000, '1h 30m'],
  ])('formatDuration(%i)', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
