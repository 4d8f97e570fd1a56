import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as yaml from 'yaml';
import { InputError } from '../../src/errors.js';
import { needsYaml, parseTaskDefinitionText, toTaskDefinitionDocument } from '../../src/taskdef/parse-file.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/taskdef/${name}`, import.meta.url), 'utf8');

describe('parseTaskDefinitionText: RegisterTaskDefinition input', () => {
  test.each(['register-input.json', 'register-input.yaml'])('%s', (name) => {
    const doc = parseTaskDefinitionText(fixture(name), name, yaml);
    expect(doc.tags).toEqual([{ key: 'team', value: 'checkout' }]);
    expect(doc.taskDefinition).not.toHaveProperty('tags');
    const [web, worker] = doc.taskDefinition.containerDefinitions ?? [];
    expect(web?.environment).toEqual([
      { name: 'MODE', value: 'on' },
      { name: 'EMPTY', value: '' },
      { name: 'DATABASE_URL', value: 'postgres://shop@db/shop?sslmode=require' },
    ]);
    expect(web?.logConfiguration).toEqual({ logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/shop', 'awslogs-stream-prefix': '' } });
    expect(web).not.toHaveProperty('healthCheck');
    expect(web?.memory).toBe(512);
    expect(worker?.command).toEqual(['bundle', 'exec', 'sidekiq']);
  });

  test('the JSON and YAML files give the same document', () => {
    expect(parseTaskDefinitionText(fixture('register-input.yaml'), 'y', yaml)).toEqual(parseTaskDefinitionText(fixture('register-input.json'), 'j', yaml));
  });

  test('fields this code does not know are kept', () => {
    const doc = parseTaskDefinitionText('{"family":"f","containerDefinitions":[{"name":"c","futureField":{"x":[1]}}],"futureTaskField":true}', 'f.json', yaml);
    expect(doc.taskDefinition['futureTaskField']).toBe(true);
    expect(doc.taskDefinition.containerDefinitions?.[0]?.['futureField']).toEqual({ x: [1] });
  });

  test('Fargate YAML: a numeric task cpu becomes the string ECS takes, "0.5 GB" stays as written', () => {
    const doc = parseTaskDefinitionText(fixture('fargate.yaml'), 'fargate.yaml', yaml);
    expect(doc.taskDefinition.cpu).toBe('256');
    expect(doc.taskDefinition.memory).toBe('0.5 GB');
    expect(doc.taskDefinition.requiresCompatibilities).toEqual(['FARGATE']);
    expect(doc.taskDefinition.containerDefinitions?.[0]?.environment).toEqual([{ name: 'FEATURE_FLAGS', value: 'a=1,b=2' }]);
  });

  test.each([
    ['yes, no, on, off stay strings (YAML 1.2)', 'family: f\ncontainerDefinitions:\n  - name: c\n    environment:\n      - {name: A, value: yes}\n      - {name: B, value: off}\n', ['yes', 'off']],
    ['a byte order mark is ignored', '\uFEFF{"family":"f","containerDefinitions":[{"name":"c","environment":[{"name":"A","value":"1"}]}]}', ['1']],
    ['JSON indented with tabs', '{\n\t"family": "f",\n\t"containerDefinitions": [{"name": "c", "environment": [{"name": "A", "value": "x"}]}]\n}', ['x']],
    ['a YAML flow mapping with a trailing comma', '{family: f, containerDefinitions: [{name: c, environment: [{name: A, value: "v"}]}],}', ['v']],
  ])('%s', (_name, text, values) => {
    const doc = parseTaskDefinitionText(text, 'td', yaml);
    expect(doc.taskDefinition.containerDefinitions?.[0]?.environment?.map((entry) => entry.value)).toEqual(values);
  });
});

describe('needsYaml: a run loads the YAML library only for a file that is not plain JSON', () => {
  test.each([
    ['a JSON file', fixture('register-input.json'), false],
    ['JSON with a byte order mark', '\uFEFF{"containerDefinitions": []}', false],
    ['an empty file', ' \n', false],
    ['a YAML file', fixture('register-input.yaml'), true],
    ['a YAML flow mapping', '{family: f, containerDefinitions: []}', true],
    ['broken JSON, whose message also asks the YAML parser', '{"family": "f",, }', true],
  ])('%s: %s', (_name, text, expected) => {
    expect(needsYaml(text)).toBe(expected);
  });

  test('plain JSON parses without the library, with the same result', () => {
    expect(parseTaskDefinitionText(fixture('register-input.json'), 'j')).toEqual(parseTaskDefinitionText(fixture('register-input.json'), 'j', yaml));
    expect(() => parseTaskDefinitionText(' \n', 'td.json')).toThrow(/^task-definition: td\.json: the file is empty/);
  });

  test('YAML without the library is a mistake in the calling code, not a message about the file', () => {
    expect(() => parseTaskDefinitionText(fixture('register-input.yaml'), 'y')).toThrow(/no YAML library was given/);
    expect(() => parseTaskDefinitionText(fixture('register-input.yaml'), 'y')).not.toThrow(InputError);
  });
});

describe('parseTaskDefinitionText: DescribeTaskDefinition output', () => {
  const doc = parseTaskDefinitionText(fixture('describe-output.json'), 'describe-output.json', yaml);

  test.each(['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy', 'deregisteredAt'])(
    'drops the read-only field %s',
    (field) => {
      expect(doc.taskDefinition).not.toHaveProperty(field);
    },
  );

  test('keeps the rest, tags beside the definition', () => {
    expect(doc.taskDefinition.family).toBe('shop');
    expect(doc.taskDefinition.networkMode).toBe('bridge');
    expect(doc.taskDefinition['enableFaultInjection']).toBe(false);
    expect(doc.taskDefinition.containerDefinitions?.map((container) => container.name)).toEqual(['web', 'worker']);
    expect(doc.tags).toEqual([{ key: 'team', value: 'checkout' }]);
  });

  test('the same shape in YAML', () => {
    const text = 'taskDefinition:\n  family: f\n  revision: 3\n  status: ACTIVE\n  containerDefinitions:\n    - name: c\n      image: i\ntags:\n  - key: k\n    value: v\n';
    expect(parseTaskDefinitionText(text, 'd.yaml', yaml)).toEqual({
      taskDefinition: { family: 'f', containerDefinitions: [{ name: 'c', image: 'i' }] },
      tags: [{ key: 'k', value: 'v' }],
    });
  });

  test('an SDK answer: Dates, undefined and $metadata go', () => {
    const answer = {
      $metadata: { httpStatusCode: 200 },
      taskDefinition: {
        family: 'f',
        revision: 2,
        registeredAt: new Date(0),
        taskRoleArn: undefined,
        containerDefinitions: [{ name: 'c', image: 'i', environment: [{ name: 'A', value: '' }] }],
      },
      tags: undefined,
    };
    expect(toTaskDefinitionDocument(answer, 'DescribeTaskDefinition f')).toEqual({
      taskDefinition: { family: 'f', containerDefinitions: [{ name: 'c', image: 'i', environment: [{ name: 'A', value: '' }] }] },
      tags: [],
    });
  });
});

describe('parseTaskDefinitionText: errors name the file and the problem', () => {
  test.each([
    ['empty file', '  \n', /^task-definition: td\.json: the file is empty/],
    ['a list', '[1, 2]', /^task-definition: td\.json: expected a task definition object, found a list/],
    ['a string', 'hello', /^task-definition: td\.json: expected a task definition object, found a string/],
    ['taskDefinition not an object', '{"taskDefinition": []}', /^task-definition: td\.json: taskDefinition must be an object, found a list/],
    ['containerDefinitions missing', '{"family": "f"}', /^task-definition: td\.json: containerDefinitions is missing/],
    ['containerDefinitions not a list', '{"family": "f", "containerDefinitions": {"name": "c"}}', /^task-definition: td\.json: containerDefinitions must be a list, found an object/],
    ['a container not an object', '{"containerDefinitions": ["web"]}', /^task-definition: td\.json: containerDefinitions\[0\] must be an object, found a string/],
    ['environment not a list', '{"containerDefinitions": [{"environment": {"A": "1"}}]}', /containerDefinitions\[0\]\.environment must be a list/],
    ['an environment value that is a number', 'containerDefinitions:\n  - environment:\n      - {name: PORT, value: 8080}\n', /containerDefinitions\[0\]\.environment\[0\]\.value \(PORT\) must be a string, found a number: quote it/],
    ['a secret without a name', '{"containerDefinitions": [{"secrets": [{"valueFrom": "arn"}]}]}', /containerDefinitions\[0\]\.secrets\[0\]\.name must be a string/],
    ['tags not a list', '{"containerDefinitions": [], "tags": {"team": "a"}}', /^task-definition: td\.json: tags must be a list of \{key, value\}/],
    ['a tag value that is a number', '{"containerDefinitions": [], "tags": [{"key": "year", "value": 2025}]}', /tags\[0\]\.value \(year\) must be a string/],
    ['bad JSON', '{\n  "family": "f",\n  "containerDefinitions": [\n}', /^task-definition: td\.json: invalid JSON at line 4, column 1/],
    ['text after the JSON', '{"family": "f"}}', /^task-definition: td\.json: invalid JSON at line 1, column 16: Unexpected non-whitespace character after JSON$/],
    ['bad YAML', 'family: f\ncontainerDefinitions:\n  - name: c\n   image: i\n', /^task-definition: td\.json: invalid YAML at line 4, column \d+: /],
    ['duplicate YAML keys', 'family: a\nfamily: b\ncontainerDefinitions: []\n', /^task-definition: td\.json: invalid YAML at line 2, column 1: Map keys must be unique/],
    ['several YAML documents', 'family: a\n---\nfamily: b\n', /^task-definition: td\.json: invalid YAML at line 2, column 1: the file holds several YAML documents: keep one$/],
  ])('%s', (_name, text, message) => {
    expect(() => parseTaskDefinitionText(text, 'td.json', yaml)).toThrow(InputError);
    expect(() => parseTaskDefinitionText(text, 'td.json', yaml)).toThrow(message);
  });

  test.each([
    ['JSON', '{\n  "containerDefinitions": [{"environment": [{"name": "PASSWORD", "value": "hunter2"}]}\n}'],
    ['JSON (missing comma)', '{"containerDefinitions": [{"environment": [{"name": "PASSWORD" "value": "hunter2"}]}]}'],
    ['YAML', 'containerDefinitions:\n  - environment:\n    - name: PASSWORD\n      value: hunter2\n   bad: indent\n'],
  ])('a %s syntax error does not quote the file', (_name, text) => {
    let message = '';
    try {
      parseTaskDefinitionText(text, 'td', yaml);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^task-definition: td: invalid/);
    expect(message).not.toContain('hunter2');
  });
});
