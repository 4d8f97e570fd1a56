// Bad inputs users write, each refused before any AWS call with an InputError whose one line starts with the
// input it is about. The inputs arrive as flags, the way a shell or Jenkins step passes them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import * as yaml from 'yaml';
import { InputError } from '../../src/errors.js';
import { parseInputs } from '../../src/inputs/parse.js';
import { parseArgv, rawInputReader } from '../../src/inputs/sources.js';
import { checkRunTaskOptions, overridesJson } from '../../src/runtask/options.js';
import { FARGATE_SIZES_FILE } from '../../src/taskdef/fargate-sizes.js';
import { parseServicesFile } from '../../src/fleet/services-file.js';
import { needsYaml, parseTaskDefinitionText, readTaskDefinitionFile } from '../../src/taskdef/parse-file.js';
import type { TaskDefinitionDocument } from '../../src/taskdef/types.js';
import { validateTaskDefinitionDocument } from '../../src/taskdef/validate.js';

function parseFlags(argv: string[], env: Record<string, string> = {}) {
  return parseInputs(rawInputReader(parseArgv(argv, env), env, new Map()));
}

function refusal(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('accepted');
}

const base = ['--service', 'web', '--family', 'web'];
const many = (count: number) => Array.from({ length: count }, (_, i) => `k${i}=v`).join('\n');
const ARN = 'arn:aws:iam::123456789012:role';

const BAD_FLAGS: [string, string[], string][] = [
  // family
  ['family with a colon', ['--family', 'web:3'], 'family'],
  ['family with a space', ['--family', 'my web'], 'family'],
  ['family with a slash', ['--family', 'team/web'], 'family'],
  ['family with a dot', ['--family', 'web.v2'], 'family'],
  ['family of 256 characters', ['--family', 'a'.repeat(256)], 'family'],
  ['family with unicode', ['--family', 'wéb'], 'family'],
  // desired-count and other numbers
  ['desired-count -1', [...base, '--desired-count', '-1'], 'desired-count'],
  ['desired-count 1.5', [...base, '--desired-count', '1.5'], 'desired-count'],
  ['desired-count two', [...base, '--desired-count', 'two'], 'desired-count'],
  ['desired-count over int32', [...base, '--desired-count', '2147483648'], 'desired-count'],
  ['desired-count 1e3', [...base, '--desired-count', '1e3'], 'desired-count'],
  ['desired-count 0x10', [...base, '--desired-count', '0x10'], 'desired-count'],
  ['desired-count huge', [...base, '--desired-count', '99999999999999999999'], 'desired-count'],
  ['memory 0', [...base, '--memory', '0'], 'memory'],
  ['memory 512MiB', [...base, '--memory', '512MiB'], 'memory'],
  ['memory over int32', [...base, '--memory', '4294967296'], 'memory'],
  ['cpu -256', [...base, '--cpu', '-256'], 'cpu'],
  ['container-port 70000', [...base, '--container-port', '70000'], 'container-port'],
  ['container-port http', [...base, '--container-port', 'http'], 'container-port'],
  ['host-port 65536', [...base, '--host-port', '65536'], 'host-port'],
  ['keep-revisions 0', [...base, '--keep-revisions', '0'], 'keep-revisions'],
  ['keep-revisions all', [...base, '--keep-revisions', 'all'], 'keep-revisions'],
  ['max-failed-tasks 0', [...base, '--max-failed-tasks', '0'], 'max-failed-tasks'],
  ['max-failed-tasks -3', [...base, '--max-failed-tasks', '-3'], 'max-failed-tasks'],
  // an image that an unset variable emptied
  ['--image "" with a service', [...base, '--image', ''], 'image'],
  ['--image "   " with a service', [...base, '--image', '   '], 'image'],
  ['--image= with a service', [...base, '--image='], 'image'],
  // secrets
  ['a secret with an empty valueFrom', [...base, '--secrets', 'DB_PASSWORD='], 'secrets'],
  ['a secret whose valueFrom is blank', [...base, '--secrets', 'DB_PASSWORD=   '], 'secrets'],
  ['a secret whose valueFrom has spaces', [...base, '--secrets', 'DB_PASSWORD=my secret'], 'secrets'],
  ['a secret whose valueFrom is a malformed ARN', [...base, '--secrets', 'DB=arn:aws:secretsmanager:eu-west-1:secret:db'], 'secrets'],
  ['a secret whose valueFrom is an S3 ARN', [...base, '--secrets', 'DB=arn:aws:s3:::bucket/key'], 'secrets'],
  ['a secret whose valueFrom is a URL', [...base, '--secrets', 'DB=https://vault/db'], 'secrets'],
  ['a secret whose valueFrom is an SSM ARN without parameter/', [...base, '--secrets', 'DB=arn:aws:ssm:eu-west-1:123456789012:db'], 'secrets'],
  ['a secret line without =', [...base, '--secrets', 'DB_PASSWORD'], 'secrets'],
  // roles and repository credentials
  ['execution-role-arn given empty', [...base, '--execution-role-arn', ''], 'execution-role-arn'],
  ['task-role-arn given empty', [...base, '--task-role-arn', ''], 'task-role-arn'],
  ['repository-credentials given empty', [...base, '--repository-credentials', ''], 'repository-credentials'],
  ['execution-role-arn with a space', [...base, '--execution-role-arn', 'my role'], 'execution-role-arn'],
  ['execution-role-arn of a user', [...base, '--execution-role-arn', 'arn:aws:iam::123456789012:user/deploy'], 'execution-role-arn'],
  ['execution-role-arn with a short account', [...base, '--execution-role-arn', 'arn:aws:iam::1234:role/x'], 'execution-role-arn'],
  ['task-role-arn without the role/ part', [...base, '--task-role-arn', 'arn:aws:iam::123456789012:app'], 'task-role-arn'],
  ['task-role-arn of 65 characters without ARN', [...base, '--task-role-arn', 'r'.repeat(65)], 'task-role-arn'],
  ['task-role-arn of an S3 ARN', [...base, '--task-role-arn', 'arn:aws:s3:::bucket'], 'task-role-arn'],
  ['task-role-arn with a path but no ARN', [...base, '--task-role-arn', 'service/app'], 'task-role-arn'],
  ['repository-credentials of an SSM ARN', [...base, '--repository-credentials', 'arn:aws:ssm:eu-west-1:123456789012:parameter/x'], 'repository-credentials'],
  ['repository-credentials with spaces', [...base, '--repository-credentials', 'docker hub'], 'repository-credentials'],
  ['repository-credentials a malformed ARN', [...base, '--repository-credentials', 'arn:aws:secretsmanager:dockerhub'], 'repository-credentials'],
  // task size
  ['task-cpu 1 core', [...base, '--task-cpu', '1 core'], 'task-cpu'],
  ['task-cpu -256', [...base, '--task-cpu', '-256'], 'task-cpu'],
  ['task-cpu 0', [...base, '--task-cpu', '0'], 'task-cpu'],
  ['task-cpu 256MB', [...base, '--task-cpu', '256MB'], 'task-cpu'],
  ['task-cpu vCPU', [...base, '--task-cpu', 'vCPU'], 'task-cpu'],
  ['task-memory 512MiB', [...base, '--task-memory', '512MiB'], 'task-memory'],
  ['task-memory 2 TB', [...base, '--task-memory', '2 TB'], 'task-memory'],
  ['task-memory lots', [...base, '--task-memory', 'lots'], 'task-memory'],
  ['task-memory 1.5', [...base, '--task-memory', '1.5'], 'task-memory'],
  ['Fargate 256 CPU with 4 GB', [...base, '--requires-compatibilities', 'FARGATE', '--task-cpu', '256', '--task-memory', '4 GB'], 'task-memory'],
  ['Fargate 0.25 vCPU with 3072', [...base, '--requires-compatibilities', 'FARGATE', '--task-cpu', '0.25 vCPU', '--task-memory', '3072'], 'task-memory'],
  ['Fargate 512 CPU with 512', [...base, '--requires-compatibilities', 'FARGATE', '--task-cpu', '512', '--task-memory', '512'], 'task-memory'],
  ['Fargate 1 vCPU with 1 GB', [...base, '--requires-compatibilities', 'FARGATE', '--task-cpu', '1 vCPU', '--task-memory', '1 GB'], 'task-memory'],
  ['Fargate 4096 with 31 GB', [...base, '--requires-compatibilities', 'FARGATE', '--task-cpu', '4096', '--task-memory', '31744'], 'task-memory'],
  ['Fargate 8192 with 17 GB (steps of 4 GB)', [...base, '--requires-compatibilities', 'FARGATE', '--task-cpu', '8192', '--task-memory', '17408'], 'task-memory'],
  ['Fargate 3 vCPU', [...base, '--requires-compatibilities', 'FARGATE', '--task-cpu', '3 vCPU', '--task-memory', '6 GB'], 'task-cpu'],
  ['Fargate 128 CPU', [...base, '--requires-compatibilities', 'EC2,FARGATE', '--task-cpu', '128', '--task-memory', '512'], 'task-cpu'],
  // requires-compatibilities
  ['requires-compatibilities ECS', [...base, '--requires-compatibilities', 'ECS'], 'requires-compatibilities'],
  ['requires-compatibilities FARGATE_SPOT', [...base, '--requires-compatibilities', 'FARGATE_SPOT'], 'requires-compatibilities'],
  ['requires-compatibilities EC2 and EKS', [...base, '--requires-compatibilities', 'EC2,EKS'], 'requires-compatibilities'],
  ['requires-compatibilities LAMBDA', [...base, '--requires-compatibilities', 'lambda'], 'requires-compatibilities'],
  // tags
  ['a tag key over 128', [...base, '--tags', `${'k'.repeat(129)}=v`], 'tags'],
  ['a tag value over 256', [...base, '--tags', `team=${'v'.repeat(257)}`], 'tags'],
  ['51 tags', [...base, '--tags', many(51)], 'tags'],
  ['an aws: tag', [...base, '--tags', 'aws:owner=me'], 'tags'],
  ['an AWS: tag', [...base, '--tags', 'AWS:owner=me'], 'tags'],
  ['an Aws: tag', [...base, '--tags', 'Aws:cost=1'], 'tags'],
  ['a tag without =', [...base, '--tags', 'team'], 'tags'],
  ['a tag with an empty key', [...base, '--tags', '=value'], 'tags'],
  // durations
  ['wait-timeout 30', [...base, '--wait-timeout', '30'], 'wait-timeout'],
  ['wait-timeout 0s', [...base, '--wait-timeout', '0s'], 'wait-timeout'],
  ['wait-timeout 0', [...base, '--wait-timeout', '0'], 'wait-timeout'],
  ['wait-timeout 30 minutes', [...base, '--wait-timeout', '30 minutes'], 'wait-timeout'],
  ['wait-timeout -5m', [...base, '--wait-timeout', '-5m'], 'wait-timeout'],
  ['wait-timeout 1d', [...base, '--wait-timeout', '1d'], 'wait-timeout'],
  ['wait-timeout below poll-interval', [...base, '--wait-timeout', '5s', '--poll-interval', '10s'], 'wait-timeout'],
  ['poll-interval 5', [...base, '--poll-interval', '5'], 'poll-interval'],
  ['poll-interval 500ms', [...base, '--poll-interval', '500ms'], 'poll-interval'],
  ['poll-interval 0s', [...base, '--poll-interval', '0s'], 'poll-interval'],
  ['poll-interval soon', [...base, '--poll-interval', 'soon'], 'poll-interval'],
  ['poll-interval 600h, past 5m', [...base, '--poll-interval', '600h', '--wait-timeout', '500h'], 'poll-interval'],
  ['poll-interval 6m, past 5m', [...base, '--poll-interval', '6m', '--wait-timeout', '1h'], 'poll-interval'],
  ['wait-timeout 1000h, past what a timer holds', [...base, '--wait-timeout', '1000h'], 'wait-timeout'],
  ['run-task-timeout 600h, past what a timer holds', [...base, '--run-task-command', 'migrate', '--run-task-timeout', '600h'], 'run-task-timeout'],
  ['pause-timeout 597h, one hour past what a timer holds', [...base, '--pause-timeout', '597h'], 'pause-timeout'],
  // docker labels
  ['docker-labels with a key twice', [...base, '--docker-labels', 'team=a\nteam=b'], 'docker-labels'],
  // managed EBS volumes, which ECS creates within EBS's limits
  ['an EBS sizeInGiB of 99999999', [...base, '--service-managed-ebs-volume-name', 'data', '--service-managed-ebs-volume', `{"roleArn":"${ARN}/ebs","sizeInGiB":99999999}`], 'service-managed-ebs-volume'],
  ['an EBS volumeType "floppy"', [...base, '--service-managed-ebs-volume-name', 'data', '--service-managed-ebs-volume', `{"roleArn":"${ARN}/ebs","volumeType":"floppy"}`], 'service-managed-ebs-volume'],
  ['an st1 volume of 100 GiB', [...base, '--service-managed-ebs-volume-name', 'data', '--service-managed-ebs-volume', `{"roleArn":"${ARN}/ebs","volumeType":"st1","sizeInGiB":100}`], 'service-managed-ebs-volume'],
  ['a standard volume of 2000 GiB', [...base, '--run-task-command', 'migrate', '--run-task-managed-ebs-volume-name', 'data', '--run-task-managed-ebs-volume', `{"roleArn":"${ARN}/ebs","volumeType":"standard","sizeInGiB":2000}`], 'run-task-managed-ebs-volume'],
  ['an EBS key "constructor"', [...base, '--service-managed-ebs-volume-name', 'data', '--service-managed-ebs-volume', `{"roleArn":"${ARN}/ebs","constructor":1}`], 'service-managed-ebs-volume'],
  ['an EBS key "toString"', [...base, '--run-task-command', 'migrate', '--run-task-managed-ebs-volume-name', 'data', '--run-task-managed-ebs-volume', `{"roleArn":"${ARN}/ebs","toString":"x"}`], 'run-task-managed-ebs-volume'],
  ['an EBS key "__proto__"', [...base, '--service-managed-ebs-volume-name', 'data', '--service-managed-ebs-volume', `{"roleArn":"${ARN}/ebs","__proto__":{}}`], 'service-managed-ebs-volume'],
  // RunTask overrides: 8192 characters, JSON formatting included
  ['a run-task-command of 8200 characters', [...base, '--run-task-command', `echo ${'x'.repeat(8195)}`], 'run-task-command'],
  ['run-task-container-overrides of 8193 characters as sent', [...base, '--run-task-container-overrides', overridesOfLength(8193)], 'run-task-container-overrides'],
  // booleans and choices
  ['wait maybe', [...base, '--wait=maybe'], 'wait'],
  ['register sometimes', [...base, '--register', 'sometimes'], 'register'],
  ['protocol http', [...base, '--protocol', 'http'], 'protocol'],
  ['network-mode vpc', [...base, '--network-mode', 'vpc'], 'network-mode'],
  ['registry-auth token', [...base, '--registry-auth', 'token'], 'registry-auth'],
  ['verify-image yes-please', [...base, '--verify-image', 'yes-please'], 'verify-image'],
  ['environment-mode overwrite', [...base, '--environment-mode', 'overwrite'], 'environment-mode'],
  // line inputs
  ['images with an empty image', [...base, '--images', 'web='], 'images'],
  ['environment "-A=1"', [...base, '--environment', '-A=1'], 'environment'],
  ['command with an open quote', [...base, '--command', 'sh -c "echo'], 'command'],
];

describe('bad inputs are one InputError that names the input', () => {
  test('the table is large', () => {
    expect(BAD_FLAGS.length).toBeGreaterThanOrEqual(90);
  });

  test.each(BAD_FLAGS)('%s', (_name, argv, input) => {
    const error = refusal(() => parseFlags(argv));
    expect(error.message.startsWith(`${input}: `) || error.message.startsWith(`${input}, line`)).toBe(true);
    expect(error.message).not.toContain('\n');
  });

  test.each([
    ['ECS_DELIVER_IMAGE set but empty, as "$UNSET" gives it', { ECS_DELIVER_IMAGE: '', ECS_DELIVER_SERVICE: 'web' }, 'image'],
    ['ECS_DELIVER_TASK_ROLE_ARN set but empty', { ECS_DELIVER_TASK_ROLE_ARN: '', ECS_DELIVER_FAMILY: 'web' }, 'task-role-arn'],
    ['ECS_DELIVER_DESIRED_COUNT=-1', { ECS_DELIVER_DESIRED_COUNT: '-1', ECS_DELIVER_SERVICE: 'web' }, 'desired-count'],
    ['ECS_DELIVER_WAIT_TIMEOUT=30', { ECS_DELIVER_WAIT_TIMEOUT: '30', ECS_DELIVER_SERVICE: 'web' }, 'wait-timeout'],
  ])('from a shell: %s', (_name, env, input) => {
    expect(refusal(() => parseFlags([], env)).message).toMatch(new RegExp(`^${input}: `));
  });

  test('an image of only blanks, from a host that cannot tell what was given (a GitHub step)', () => {
    const values: Record<string, string> = { service: 'web', family: 'web', image: '   ' };
    const githubRaw = (name: string): string => values[name] ?? '';
    expect(refusal(() => parseInputs(githubRaw)).message).toMatch(/^image: given but empty/);
    values['image'] = '';
    expect(() => parseInputs(githubRaw)).not.toThrow();
  });

  test('a run-task-command whose overrides pass before the container is known is refused once it is', () => {
    const shell = JSON.stringify({ containerOverrides: [{ name: '', command: ['echo', ''] }] }).length;
    const options = parseFlags([...base, '--run-task-command', `echo ${'x'.repeat(8192 - shell)}`]).runTask;
    const context = { hasService: true, containers: ['web'], defaultContainer: 'web' };
    expect(overridesJson(options, '')!.length).toBe(8192);
    expect(refusal(() => checkRunTaskOptions(options, context)).message).toMatch(/^run-task-command: makes RunTask overrides of \d+ characters, above the 8192/);
  });

  test('the messages say how to fix it', () => {
    expect(refusal(() => parseFlags([...base, '--wait-timeout', '30'])).message).toBe('wait-timeout: "30" has no unit; write 30s or 30m.');
    expect(refusal(() => parseFlags([...base, '--image', ''])).message).toMatch(/^image: given but empty \(an unset variable\?\)/);
    expect(refusal(() => parseFlags([...base, '--requires-compatibilities', 'FARGATE', '--task-cpu', '256', '--task-memory', '4 GB'])).message).toContain(FARGATE_SIZES_FILE);
  });
});

describe('services-file: refused with the file named, never read another way', () => {
  const read = (text: string) => parseServicesFile(text, 'services.yml', needsYaml(text) ? yaml : undefined);

  test.each([
    ['a YAML alias bomb', `${bomb().replace('containerDefinitions: []', 'services:\n  - service: web')}`, /^services-file: services\.yml expands YAML aliases too often/],
    ['a key twice in one JSON object', '{"services": [{"service": "web", "image": "nginx:1", "image": "nginx:2"}]}', /^services-file: services\.yml gives "image" twice in one object \(line 1\); keep one\.$/],
    ['a key twice in the JSON defaults, on its own line', '{\n "defaults": {"cluster": "a",\n  "cluster": "b"},\n "services": [{"service": "web"}]\n}', /^services-file: services\.yml gives "cluster" twice in one object \(line 3\)/],
    ['the top-level key twice in JSON', '{"services": [{"service": "a"}], "services": [{"service": "b"}]}', /gives "services" twice/],
    ['service: left empty in YAML', 'services:\n  - service:\n    image: nginx:1\n', /^services-file services\.yml, entry 1: service is empty; name the service to deploy, or remove the entry\.$/],
    ['service "" in JSON', '{"services": [{"service": "", "image": "nginx:1"}]}', /^services-file services\.yml, entry 1: service is empty/],
  ])('%s', (_name, text, message) => {
    expect(refusal(() => read(text)).message).toMatch(message);
  });

  test('the same key in different objects, and keys that only look alike, are fine', () => {
    const file = read('{"defaults": {"image": "a"}, "services": [{"service": "web", "image": "b", "environment": {"image": "x", "IMAGE": "y", "say \\"image\\"": "z"}}]}');
    expect(file.entries[0]?.values.get('image')).toBe('b');
  });
});

describe('ECS accepts these, and so do the inputs', () => {
  test.each([
    ['a role name alone', ['--execution-role-arn', 'ecsTaskExecutionRole']],
    ['a role ARN with a path', ['--task-role-arn', `${ARN}/service-role/app`]],
    ['a role ARN in China', ['--task-role-arn', 'arn:aws-cn:iam::123456789012:role/app']],
    ['a secret name for repository-credentials', ['--repository-credentials', 'dockerhub/credentials']],
    ['a secret ARN for repository-credentials', ['--repository-credentials', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:dockerhub-AbCdEf']],
    ['an SSM parameter name', ['--secrets', 'DB=/prod/db/password']],
    ['an SSM parameter ARN', ['--secrets', 'DB=arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db']],
    ['a Secrets Manager ARN with a JSON key', ['--secrets', 'DB=arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf:password::']],
    ['Fargate 0.25 vCPU with 0.5 GB', ['--requires-compatibilities', 'FARGATE', '--task-cpu', '0.25 vCPU', '--task-memory', '0.5 GB']],
    ['Fargate 16 vCPU with 120 GB', ['--requires-compatibilities', 'FARGATE', '--task-cpu', '16384', '--task-memory', '122880']],
    ['Fargate 8 vCPU with 20 GB', ['--requires-compatibilities', 'fargate', '--task-cpu', '8 vCPU', '--task-memory', '20 GB']],
    ['EC2 with any size', ['--requires-compatibilities', 'EC2', '--task-cpu', '128', '--task-memory', '300']],
    ['50 tags of the longest keys and values', ['--tags', Array.from({ length: 50 }, (_, i) => `${String(i).padStart(128, 'k')}=${'v'.repeat(256)}`).join('\n')]],
    ['wait-timeout equal to poll-interval', ['--wait-timeout', '5s', '--poll-interval', '5s']],
    ['desired-count at the int32 limit', ['--desired-count', '2147483647']],
    ['an image left out entirely', []],
    ['an empty image beside images', ['--image', '', '--images', 'web=nginx:1.25']],
    ['poll-interval of 5m', ['--poll-interval', '5m']],
    ['wait-timeout of 24 days', ['--wait-timeout', '576h']],
    ['run-task-container-overrides of exactly 8192 characters as sent', ['--run-task-container-overrides', overridesOfLength(8192)]],
    ['an io2 volume of 4 GiB and a gp3 volume by default of 16384', ['--service-managed-ebs-volume-name', 'd', '--service-managed-ebs-volume', `{"roleArn":"${ARN}/ebs","sizeInGiB":16384}`, '--run-task-command', 'm', '--run-task-managed-ebs-volume-name', 'd', '--run-task-managed-ebs-volume', `{"roleArn":"${ARN}/ebs","volumeType":"io2","sizeInGiB":4}`]],
    ['docker-labels with distinct keys', ['--docker-labels', 'team=a\ntier=web']],
  ])('%s', (_name, argv) => {
    expect(() => parseFlags([...base, ...argv])).not.toThrow();
  });
});

describe('task definition files: bounded reads and typed fields named by their path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bad-taskdef-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string | Buffer): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const parseFile = (name: string, content: string) => parseTaskDefinitionText(readTaskDefinitionFile(file(name, content), name), name, yaml);
  const web = (container: Record<string, unknown>, task: Record<string, unknown> = {}) =>
    JSON.stringify({ family: 'web', ...task, containerDefinitions: [{ name: 'web', image: 'nginx', ...container }] });

  test.each([
    ['/dev/zero', () => readTaskDefinitionFile('/dev/zero'), /^task-definition: "\/dev\/zero" is not a regular file/],
    ['a directory', () => readTaskDefinitionFile(dir, 'dir'), /^task-definition: "dir" is not a regular file/],
    ['a missing file', () => readTaskDefinitionFile(join(dir, 'nope.json'), 'nope.json'), /^task-definition: cannot read "nope.json" \(ENOENT\)/],
    ['a 2 MiB file', () => readTaskDefinitionFile(file('huge.json', Buffer.alloc(2 * 1024 * 1024, 32)), 'huge.json'), /^task-definition: "huge.json" is 2097152 bytes/],
    ['invalid JSON', () => parseFile('broken.json', '{"family": "web", "cpu": 256,, }'), /^task-definition: broken\.json: invalid JSON at line 1, column \d+/],
    ['a YAML alias bomb', () => parseFile('bomb.yaml', bomb()), /^task-definition: bomb\.yaml: invalid YAML/],
    ['JSON nested 100000 deep', () => parseFile('deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`), /^task-definition: deep\.json: /],
    ['JSON nested 200 deep', () => parseFile('deep200.json', `{"family":"web","containerDefinitions":[],"x":${'['.repeat(200)}${']'.repeat(200)}}`), /^task-definition: deep200\.json: nested more than 64 levels/],
    ['YAML nested 100000 deep', () => parseFile('deep.yaml', `x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`), /^task-definition: deep\.yaml: /],
    ['memory "lots"', () => parseFile('t.json', web({ memory: 'lots' })), /^task-definition: t\.json: containerDefinitions\[0\]\.memory must be a whole number, found a string$/],
    ['containerPort "http"', () => parseFile('t.json', web({ portMappings: [{ containerPort: 'http' }] })), /containerDefinitions\[0\]\.portMappings\[0\]\.containerPort must be a whole number/],
    ['cpu 0.5 in a container', () => parseFile('t.json', web({ cpu: 0.5 })), /containerDefinitions\[0\]\.cpu must be a whole number, found a number/],
    ['essential "yes"', () => parseFile('t.json', web({ essential: 'yes' })), /containerDefinitions\[0\]\.essential must be true or false/],
    ['image a number', () => parseFile('t.json', web({ image: 42 })), /containerDefinitions\[0\]\.image must be a string, found a number: quote it/],
    ['command a string', () => parseFile('t.json', web({ command: 'npm start' })), /containerDefinitions\[0\]\.command must be a list of strings/],
    ['a command argument a number', () => parseFile('t.json', web({ command: ['sleep', 10] })), /containerDefinitions\[0\]\.command\[1\] must be a string/],
    ['portMappings an object', () => parseFile('t.json', web({ portMappings: { containerPort: 80 } })), /containerDefinitions\[0\]\.portMappings must be a list/],
    ['healthCheck interval "30s"', () => parseFile('t.json', web({ healthCheck: { command: ['CMD'], interval: '30s' } })), /containerDefinitions\[0\]\.healthCheck\.interval must be a whole number/],
    ['a log option a number', () => parseFile('t.json', web({ logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-create-group': true } } })), /logConfiguration\.options\.awslogs-create-group must be a string/],
    ['requiresCompatibilities a string', () => parseFile('t.json', web({}, { requiresCompatibilities: 'FARGATE' })), /^task-definition: t\.json: requiresCompatibilities must be a list of strings/],
    ['task memory true', () => parseFile('t.json', web({}, { memory: true })), /^task-definition: t\.json: memory must be a string/],
    ['family a number', () => parseFile('t.json', web({}, { family: 7 })), /^task-definition: t\.json: family must be a string/],
  ])('%s', (_name, run, message) => {
    const error = refusal(run);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });

  test.each([
    ['Fargate 256 with 4096 from the file', { requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '4096' }, /^task definition: memory: Fargate runs 256 CPU units/],
    ['Fargate without a size', { requiresCompatibilities: ['FARGATE'] }, /^task definition: cpu: Fargate needs a task cpu and memory/],
    ['a task cpu of "lots"', { cpu: 'lots' }, /^task definition: cpu: "lots" is not a task CPU/],
    ['an unknown launch type', { requiresCompatibilities: ['EKS'] }, /requiresCompatibilities: "EKS" is not a launch type/],
    ['a family with a colon', { family: 'web:1' }, /family "web:1" is not a task definition family/],
    ['a container memory as a string', { containerDefinitions: [{ name: 'web', memory: '512' }] }, /^task definition: containerDefinitions\[0\]\.memory must be a whole number/],
  ])('the rendered document: %s', (_name, taskDefinition, message) => {
    // Cast: the point is data whose types are wrong, as a file or a merge can hold it.
    const document = { taskDefinition: { family: 'web', containerDefinitions: [], ...taskDefinition }, tags: [] } as unknown as TaskDefinitionDocument;
    expect(() => validateTaskDefinitionDocument(document)).toThrow(InputError);
    expect(() => validateTaskDefinitionDocument(document)).toThrow(message);
  });

  test('tags past ECS limits in the document', () => {
    const document = { taskDefinition: { family: 'web', containerDefinitions: [] }, tags: [{ key: 'aws:team', value: 'a' }] };
    expect(() => validateTaskDefinitionDocument(document, 'task-definition: web.json')).toThrow(/^task-definition: web\.json: tags: the tag key "aws:team"/);
  });

  test('a Fargate size from the file passes', () => {
    const document = { taskDefinition: { family: 'web', requiresCompatibilities: ['FARGATE'], cpu: '1 vCPU', memory: '2 GB', containerDefinitions: [{ name: 'web', memory: 512 }] }, tags: [] };
    expect(() => validateTaskDefinitionDocument(document)).not.toThrow();
  });
});

function bomb(): string {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let level = 1; level < 9; level++) {
    const previous = String.fromCharCode(96 + level);
    const name = String.fromCharCode(97 + level);
    lines.push(`${name}: &${name} [${Array.from({ length: 10 }, () => `*${previous}`).join(',')}]`);
  }
  return `${lines.join('\n')}\ncontainerDefinitions: []\n`;
}

/** Container overrides whose JSON, as RunTask sends it ({"containerOverrides":[...]}), is `length` characters. */
function overridesOfLength(length: number): string {
  const shell = JSON.stringify({ containerOverrides: [{ name: 'web', command: [''] }] }).length;
  return JSON.stringify([{ name: 'web', command: ['x'.repeat(length - shell)] }], null, 2);
}
