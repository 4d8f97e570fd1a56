// container-port, host-port and protocol on an existing revision: applied to the chosen container, idempotent,
// never silently ignored, and refused where ECS would refuse them.
import { describe, expect, test } from 'vitest';
import { renderTaskDefinition, type Base } from '../../src/deploy/render.js';
import { InputError } from '../../src/errors.js';
import { parseInputs } from '../../src/inputs/parse.js';
import { applyEdits } from '../../src/taskdef/apply-edits.js';
import { sameDocument } from '../../src/taskdef/normalize.js';
import type { ContainerDefinition, PortEdit, PortMapping, TaskDefinitionDocument, TaskDefinitionEdits } from '../../src/taskdef/types.js';

function edits(port: PortEdit, change: Partial<TaskDefinitionEdits> = {}): TaskDefinitionEdits {
  return { images: new Map(), environment: [], environmentMode: 'merge', secrets: [], secretsMode: 'merge', tags: [], port, ...change };
}

function doc(containers: ContainerDefinition[], networkMode?: string): TaskDefinitionDocument {
  return { taskDefinition: { family: 'web', containerDefinitions: containers, ...(networkMode ? { networkMode } : {}) }, tags: [] };
}

const web = (portMappings?: PortMapping[]): ContainerDefinition => ({ name: 'web', image: 'web:1', ...(portMappings ? { portMappings } : {}) });

function mappingsOf(result: TaskDefinitionDocument, name = 'web'): PortMapping[] | undefined {
  return result.taskDefinition.containerDefinitions?.find((c) => c.name === name)?.portMappings;
}

describe('port inputs on an existing container', () => {
  test.each<[string, TaskDefinitionDocument, PortEdit, PortMapping[]]>([
    ['adds the mapping a container lacks', doc([web()]), { containerPort: 8080 }, [{ hostPort: 0, containerPort: 8080, protocol: 'tcp' }]],
    ['adds it beside the others', doc([web([{ containerPort: 9090, hostPort: 0, protocol: 'tcp' }])]), { containerPort: 8080, hostPort: 80 }, [{ containerPort: 9090, hostPort: 0, protocol: 'tcp' }, { hostPort: 80, containerPort: 8080, protocol: 'tcp' }]],
    ['an identical mapping is left exactly as it is', doc([web([{ containerPort: 8080, hostPort: 0, protocol: 'tcp' }])]), { containerPort: 8080 }, [{ containerPort: 8080, hostPort: 0, protocol: 'tcp' }]],
    ['a mapping ECS answered without protocol is not rewritten for tcp', doc([web([{ containerPort: 8080 }])]), { containerPort: 8080, hostPort: 0, protocol: 'tcp' }, [{ containerPort: 8080 }]],
    ['host-port and protocol change the mapping of that port only', doc([web([{ containerPort: 8080, hostPort: 0, protocol: 'tcp' }, { containerPort: 9090, hostPort: 0 }])]), { containerPort: 8080, hostPort: 8080, protocol: 'udp' }, [{ containerPort: 8080, hostPort: 8080, protocol: 'udp' }, { containerPort: 9090, hostPort: 0 }]],
    ['without container-port they apply to the only mapping', doc([web([{ containerPort: 8080, hostPort: 0, protocol: 'tcp' }])]), { hostPort: 8080, protocol: 'udp' }, [{ containerPort: 8080, hostPort: 8080, protocol: 'udp' }]],
    ['protocol picks one of two mappings of a port', doc([web([{ containerPort: 53, hostPort: 0, protocol: 'tcp' }, { containerPort: 53, hostPort: 0, protocol: 'udp' }])]), { containerPort: 53, hostPort: 5353, protocol: 'udp' }, [{ containerPort: 53, hostPort: 0, protocol: 'tcp' }, { containerPort: 53, hostPort: 5353, protocol: 'udp' }]],
    ['awsvpc: a new mapping leaves hostPort out', doc([web()], 'awsvpc'), { containerPort: 8080, hostPort: 0 }, [{ containerPort: 8080, protocol: 'tcp' }]],
    ['awsvpc: host-port equal to container-port keeps what ECS answered', doc([web([{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }])], 'awsvpc'), { containerPort: 8080, hostPort: 8080 }, [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }]],
    ['awsvpc: host-port 0 means the container port', doc([web([{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }])], 'awsvpc'), { containerPort: 8080, hostPort: 0 }, [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }]],
  ])('%s', (_name, base, port, expected) => {
    expect(mappingsOf(applyEdits(base, edits(port)))).toEqual(expected);
  });

  test('container-name picks the container; the others keep their mappings', () => {
    const base = doc([web([{ containerPort: 80, hostPort: 0 }]), { name: 'proxy', image: 'p:1', portMappings: [{ containerPort: 443, hostPort: 443 }] }]);
    const result = applyEdits(base, edits({ containerPort: 8080 }, { containerName: 'web' }));
    expect(mappingsOf(result)).toEqual([{ containerPort: 80, hostPort: 0 }, { hostPort: 0, containerPort: 8080, protocol: 'tcp' }]);
    expect(mappingsOf(result, 'proxy')).toEqual([{ containerPort: 443, hostPort: 443 }]);
  });

  test.each<[string, TaskDefinitionDocument, PortEdit, Partial<TaskDefinitionEdits>, RegExp]>([
    ['several containers and no container-name', doc([web(), { name: 'proxy', image: 'p' }]), { containerPort: 8080 }, {}, /^container-port: the task definition has 2 containers \(web, proxy\): set container-name/],
    ['host-port without container-port on two mappings', doc([web([{ containerPort: 80 }, { containerPort: 443 }])]), { hostPort: 8080 }, {}, /^host-port: container "web" has 2 port mappings \(80\/tcp, 443\/tcp\): set container-port to the one it applies to$/],
    ['protocol without container-port and no mapping', doc([web()]), { protocol: 'udp' }, {}, /^protocol: container "web" has no port mapping to apply it to: set container-port too$/],
    ['awsvpc with another host port', doc([web([{ containerPort: 8080 }])], 'awsvpc'), { containerPort: 8080, hostPort: 80 }, {}, /^host-port: under awsvpc the host port must equal container-port \(8080\), as ECS requires: leave host-port unset or set it to 8080$/],
    ['awsvpc with another host port on a new mapping', doc([web()], 'awsvpc'), { containerPort: 8080, hostPort: 80 }, {}, /^host-port: under awsvpc the host port must equal container-port \(8080\)/],
    ['awsvpc set by network-mode on a bridge base', doc([web([{ containerPort: 8080, hostPort: 0 }])]), { hostPort: 9000 }, { networkMode: 'awsvpc' }, /^host-port: under awsvpc the host port must equal container-port \(8080\)/],
    ['network mode none', doc([web()], 'none'), { containerPort: 8080 }, {}, /^container-port: a task with network mode none has no ports/],
    ['a container port out of range', doc([web()]), { containerPort: 0 }, {}, /^container-port: 0 is not a port number/],
    ['a port range as the only mapping', doc([web([{ containerPortRange: '8000-8010' }])]), { hostPort: 80 }, {}, /^host-port: the port mapping of container "web" is a port range \(8000-8010\/tcp\)/],
    ['host-port on a port mapped twice, protocol not given', doc([web([{ containerPort: 53, protocol: 'tcp' }, { containerPort: 53, protocol: 'udp' }])]), { containerPort: 53, hostPort: 53 }, {}, /^container-port: container "web" maps 53 more than once \(53\/tcp, 53\/udp\): set protocol/],
  ])('refuses %s', (_name, base, port, change, message) => {
    expect(() => applyEdits(base, edits(port, change))).toThrow(InputError);
    expect(() => applyEdits(base, edits(port, change))).toThrow(message);
  });
});

describe('renderTaskDefinition with port inputs', () => {
  const inputs = (values: Record<string, string>) => parseInputs((name) => values[name] ?? '');
  const seedFlags = { family: 'web', image: 'nginx:1.22', memory: '300', 'container-port': '8080' };
  const fresh: Base = { source: 'inputs', label: 'inputs (new family)' };
  const from = (document: TaskDefinitionDocument): Base => ({ source: 'latest-revision', label: 'web:1 (latest ACTIVE revision)', document });
  /** What ECS (moto) answers for a registered document: defaults filled in. */
  const answered = (document: TaskDefinitionDocument): TaskDefinitionDocument => ({
    ...document,
    taskDefinition: {
      ...document.taskDefinition,
      networkMode: 'bridge',
      containerDefinitions: (document.taskDefinition.containerDefinitions ?? []).map((c) => ({ ...c, cpu: 0, essential: true, environment: [], mountPoints: [], volumesFrom: [] })),
    },
  });

  test("the seed's command: first run renders the mapping, reruns render the same, a new tag changes only the image", () => {
    const first = renderTaskDefinition(inputs(seedFlags), fresh, 'nginx:1.22');
    expect(mappingsOf(first)).toEqual([{ hostPort: 0, containerPort: 8080, protocol: 'tcp' }]);
    const again = renderTaskDefinition(inputs(seedFlags), from(answered(first)), 'nginx:1.22');
    expect(sameDocument(again, answered(first))).toBe(true);
    const newTag = renderTaskDefinition(inputs({ ...seedFlags, image: 'nginx:1.23' }), from(answered(first)), 'nginx:1.23');
    expect(sameDocument(newTag, answered(first))).toBe(false);
    expect(mappingsOf(newTag)).toEqual([{ hostPort: 0, containerPort: 8080, protocol: 'tcp' }]);
    expect(newTag.taskDefinition.containerDefinitions?.[0]?.image).toBe('nginx:1.23');
  });

  test('host-port and protocol given on an existing family are applied, not ignored', () => {
    const base = answered(renderTaskDefinition(inputs(seedFlags), fresh, 'nginx:1.22'));
    const rendered = renderTaskDefinition(inputs({ ...seedFlags, 'host-port': '8080', protocol: 'udp' }), from(base), 'nginx:1.22');
    expect(mappingsOf(rendered)).toEqual([{ hostPort: 8080, containerPort: 8080, protocol: 'udp' }]);
    expect(sameDocument(renderTaskDefinition(inputs({ ...seedFlags, 'host-port': '8080', protocol: 'udp' }), from(answered(rendered)), 'nginx:1.22'), answered(rendered))).toBe(true);
  });

  test('host-port and protocol not given never overwrite an existing mapping; given, they do', () => {
    const base = doc([web([{ containerPort: 8080, hostPort: 80, protocol: 'udp' }])]);
    const untouched = renderTaskDefinition(inputs({ family: 'web', 'container-port': '8080' }), from(base), '');
    expect(mappingsOf(untouched)).toEqual([{ containerPort: 8080, hostPort: 80, protocol: 'udp' }]);
    const given = renderTaskDefinition(inputs({ family: 'web', 'container-port': '8080', 'host-port': '0', protocol: 'tcp' }), from(base), '');
    expect(mappingsOf(given)).toEqual([{ containerPort: 8080, hostPort: 0, protocol: 'tcp' }]);
  });

  test('host-port without container-port on a new family is refused, not ignored', () => {
    expect(() => renderTaskDefinition(inputs({ family: 'web', image: 'nginx:1', 'host-port': '8080' }), fresh, 'nginx:1')).toThrow(
      /^host-port: container "web" has no port mapping to apply it to: set container-port too$/,
    );
  });

  test('awsvpc from network-mode refuses another host port on a new family too', () => {
    expect(() =>
      renderTaskDefinition(inputs({ ...seedFlags, 'network-mode': 'awsvpc', 'host-port': '80' }), fresh, 'nginx:1.22'),
    ).toThrow(/^host-port: under awsvpc the host port must equal container-port \(8080\)/);
  });
});
