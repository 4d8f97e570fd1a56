import { createHash } from 'node:crypto';
import * as yaml from 'yaml';
import { describe, expect, test } from 'vitest';
import {
  appSpecContent,
  appSpecFor,
  appSpecNeedsYaml,
  describeAppSpec,
  generatedAppSpec,
  hookNames,
  parseAppSpec,
  withTaskDefinition,
} from '../../src/codedeploy/appspec.js';
import { InputError } from '../../src/errors.js';

const ARN = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7';

const YAML_APPSPEC = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: <TASK_DEFINITION>
        LoadBalancerInfo:
          ContainerName: web
          ContainerPort: 8080
        PlatformVersion: LATEST
Hooks:
  - BeforeInstall: before-install-fn
  - AfterAllowTestTraffic: smoke-test-fn
`;

describe('parseAppSpec', () => {
  test('reads YAML (with the YAML library) and JSON (without it) to the same data', () => {
    const fromYaml = parseAppSpec(YAML_APPSPEC, 'appspec.yaml', yaml);
    const json = JSON.stringify(fromYaml);
    expect(appSpecNeedsYaml(YAML_APPSPEC)).toBe(true);
    expect(appSpecNeedsYaml(json)).toBe(false);
    expect(parseAppSpec(json, 'appspec.json', undefined)).toEqual(fromYaml);
    expect(fromYaml['Hooks']).toEqual([{ BeforeInstall: 'before-install-fn' }, { AfterAllowTestTraffic: 'smoke-test-fn' }]);
  });

  test.each([
    ['no Resources', 'version: 0.0\nHooks: []\n', /codedeploy-appspec: app.yaml: no Resources entry with a TargetService/],
    ['Resources without a TargetService', 'version: 0.0\nResources:\n  - Other: {}\n', /no Resources entry with a TargetService/],
    ['a list, not a mapping', '- a\n- b\n', /an AppSpec is a mapping/],
    ['invalid YAML', 'version: [0\n', /codedeploy-appspec: app.yaml: invalid YAML at line \d+/],
  ])('refuses %s, naming the input and the file', (_name, text, message) => {
    const parse = () => parseAppSpec(text, 'app.yaml', yaml);
    expect(parse).toThrow(InputError);
    expect(parse).toThrow(message);
  });
});

describe('withTaskDefinition', () => {
  test('sets TaskDefinition to the revision and keeps everything else, Hooks included', () => {
    const data = parseAppSpec(YAML_APPSPEC, 'appspec.yaml', yaml);
    const result = withTaskDefinition(data, ARN);
    expect(result).toEqual({
      version: 0,
      Resources: [
        {
          TargetService: {
            Type: 'AWS::ECS::Service',
            Properties: { TaskDefinition: ARN, LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 8080 }, PlatformVersion: 'LATEST' },
          },
        },
      ],
      Hooks: [{ BeforeInstall: 'before-install-fn' }, { AfterAllowTestTraffic: 'smoke-test-fn' }],
    });
    // The file's data is not changed: a second render starts from it again.
    expect(JSON.stringify(data)).toContain('<TASK_DEFINITION>');
  });

  test('matches keys without regard to case and keeps the spelling written; adds TaskDefinition when missing', () => {
    const lower = { version: 0, resources: [{ targetService: { type: 'AWS::ECS::Service', properties: { taskDefinition: 'old' } } }] };
    expect(withTaskDefinition(lower, ARN)).toEqual({
      version: 0,
      resources: [{ targetService: { type: 'AWS::ECS::Service', properties: { taskDefinition: ARN } } }],
    });
    const bare = { Resources: [{ TargetService: { Type: 'AWS::ECS::Service' } }] };
    expect(withTaskDefinition(bare, ARN)).toEqual({ Resources: [{ TargetService: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: ARN } } }] });
  });
});

describe('a generated AppSpec', () => {
  test('names the revision and the container and port of the load balancer', () => {
    expect(generatedAppSpec(ARN, 'web', 80)).toEqual({
      version: 0,
      Resources: [
        {
          TargetService: {
            Type: 'AWS::ECS::Service',
            Properties: { TaskDefinition: ARN, LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 80 } },
          },
        },
      ],
    });
    expect(appSpecFor({ kind: 'generated', containerName: 'web', containerPort: 80 }, ARN)).toEqual(generatedAppSpec(ARN, 'web', 80));
  });
});

test('appSpecContent: the JSON CreateDeployment sends and its SHA-256, the same for the same data', () => {
  const data = generatedAppSpec(ARN, 'web', 80);
  const content = appSpecContent(data);
  expect(JSON.parse(content.content)).toEqual(data);
  expect(content.sha256).toBe(createHash('sha256').update(content.content).digest('hex'));
  expect(appSpecContent(structuredClone(data))).toEqual(content);
  expect(appSpecContent(generatedAppSpec(ARN.replace(':7', ':8'), 'web', 80)).sha256).not.toBe(content.sha256);
});

test('the log line says where the AppSpec came from and which hooks it keeps', () => {
  const data = parseAppSpec(YAML_APPSPEC, 'appspec.yaml', yaml);
  expect(hookNames(data)).toEqual(['BeforeInstall', 'AfterAllowTestTraffic']);
  expect(describeAppSpec({ kind: 'file', path: 'appspec.yaml', data })).toBe(
    'appspec.yaml, TaskDefinition replaced; hooks kept: BeforeInstall, AfterAllowTestTraffic',
  );
  expect(describeAppSpec({ kind: 'generated', containerName: 'web', containerPort: 80 })).toBe(
    "generated (no appspec file): container web, port 80 from the service's load balancer",
  );
});
