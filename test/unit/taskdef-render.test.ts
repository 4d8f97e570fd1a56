import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { renderNewTaskDefinition } from '../../src/taskdef/render.js';
import type { NewTaskDefinitionSpec } from '../../src/taskdef/types.js';

// The seed's call: aws ecs register-task-definition --family TaskDefinitionFamily --container-definitions
// '[{"name":"ContainerName","image":"ImageName:tag","memory":300,"portMappings":[{"hostPort":0,"containerPort":8080,"protocol":"tcp"}]}]'
const seedSpec: NewTaskDefinitionSpec = {
  family: 'TaskDefinitionFamily',
  containerName: 'ContainerName',
  image: 'ImageName:tag',
  memory: 300,
  containerPort: 8080,
  hostPort: 0,
  protocol: 'tcp',
};

type Change = { [K in keyof NewTaskDefinitionSpec]?: NewTaskDefinitionSpec[K] | undefined };

/** The seed's spec with `change` applied; an undefined value leaves the field out. */
function specWith(change: Change): NewTaskDefinitionSpec {
  const spec: Record<string, unknown> = { ...seedSpec, ...change };
  for (const key of Object.keys(spec)) if (spec[key] === undefined) delete spec[key];
  return spec as unknown as NewTaskDefinitionSpec;
}

describe('renderNewTaskDefinition', () => {
  test("the seed's register-task-definition call, exactly", () => {
    const rendered = renderNewTaskDefinition(seedSpec);
    expect(JSON.stringify(rendered)).toBe(
      '{"family":"TaskDefinitionFamily","containerDefinitions":[{"name":"ContainerName","image":"ImageName:tag","memory":300,"portMappings":[{"hostPort":0,"containerPort":8080,"protocol":"tcp"}]}]}',
    );
  });

  test.each<[string, Change, object]>([
    ['no port, no memory', { memory: undefined, containerPort: undefined }, { name: 'ContainerName', image: 'ImageName:tag' }],
    ['cpu only when given', { cpu: 256 }, { name: 'ContainerName', image: 'ImageName:tag', cpu: 256, memory: 300, portMappings: [{ hostPort: 0, containerPort: 8080, protocol: 'tcp' }] }],
    ['udp and a fixed host port under bridge', { protocol: 'udp', hostPort: 53, containerPort: 5353 }, { name: 'ContainerName', image: 'ImageName:tag', memory: 300, portMappings: [{ hostPort: 53, containerPort: 5353, protocol: 'udp' }] }],
    ['awsvpc leaves hostPort out', { networkMode: 'awsvpc' }, { name: 'ContainerName', image: 'ImageName:tag', memory: 300, portMappings: [{ containerPort: 8080, protocol: 'tcp' }] }],
    ['awsvpc with hostPort equal to containerPort', { networkMode: 'awsvpc', hostPort: 8080 }, { name: 'ContainerName', image: 'ImageName:tag', memory: 300, portMappings: [{ containerPort: 8080, protocol: 'tcp' }] }],
    ['host mode leaves hostPort out too', { networkMode: 'host' }, { name: 'ContainerName', image: 'ImageName:tag', memory: 300, portMappings: [{ containerPort: 8080, protocol: 'tcp' }] }],
  ])('%s', (_name, change, container) => {
    const rendered = renderNewTaskDefinition(specWith(change));
    expect(rendered.containerDefinitions).toStrictEqual([container]);
  });

  test.each([
    ['given', 'awsvpc', { family: 'TaskDefinitionFamily', networkMode: 'awsvpc' }],
    ['not given', undefined, { family: 'TaskDefinitionFamily' }],
    ['empty (not set)', '', { family: 'TaskDefinitionFamily' }],
  ])('networkMode only when given: %s', (_name, networkMode, expected) => {
    const { containerDefinitions: _containers, ...task } = renderNewTaskDefinition(specWith({ networkMode }));
    expect(task).toStrictEqual(expected);
  });

  test.each<[string, Change, RegExp]>([
    ['no family', { family: ' ' }, /^family: is empty/],
    ['no container name', { containerName: '' }, /^container-name: is empty/],
    ['no image', { image: '' }, /^image: is empty/],
    ['a container port out of range', { containerPort: 70000 }, /^container-port: 70000 is not a port number: use a whole number from 1 to 65535/],
    ['a fractional host port', { hostPort: 80.5 }, /^host-port: 80\.5 is not a port number/],
    ['awsvpc with another host port', { networkMode: 'awsvpc', hostPort: 80 }, /^host-port: under awsvpc the host port must equal container-port \(8080\), as ECS requires: leave host-port unset or set it to 8080$/],
    ['a port under network mode none', { networkMode: 'none' }, /^container-port: a task with network mode none has no ports/],
  ])('rejects %s', (_name, change, message) => {
    const spec = specWith(change);
    expect(() => renderNewTaskDefinition(spec)).toThrow(InputError);
    expect(() => renderNewTaskDefinition(spec)).toThrow(message);
  });
});
