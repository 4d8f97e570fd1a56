// Port mappings and the network mode rules ECS applies to them.
import { InputError } from '../errors.js';
import type { ContainerDefinition, PortEdit, PortMapping } from './types.js';

/** Under these modes the container's port is the host's: hostPort must be left out or equal containerPort. */
export function sharesHostPorts(networkMode: string | undefined): boolean {
  return networkMode === 'awsvpc' || networkMode === 'host';
}

export function formatPortMapping(mapping: PortMapping): string {
  const range = mapping['containerPortRange'];
  const container = mapping.containerPort ?? (typeof range === 'string' ? range : '?');
  const protocol = mapping.protocol ?? 'tcp';
  const host = mapping.hostPort;
  if (host === undefined || host === 0 || host === mapping.containerPort) return `${container}/${protocol}`;
  return `${host}:${container}/${protocol}`;
}

export function formatPortMappings(mappings: readonly PortMapping[] | undefined): string {
  if (!mappings || mappings.length === 0) return '(none)';
  return mappings.map(formatPortMapping).join(', ');
}

export function checkPort(inputName: string, port: number, lowest: number): void {
  if (!Number.isInteger(port) || port < lowest || port > 65535) {
    throw new InputError(`${inputName}: ${port} is not a port number: use a whole number from ${lowest} to 65535`);
  }
}

/** host-port under awsvpc or host: 0 means "the container port", any other value must equal it, as ECS requires. */
export function checkSharedHostPort(hostPort: number, containerPort: number, networkMode: string | undefined): void {
  if (!sharesHostPorts(networkMode) || hostPort === 0 || hostPort === containerPort) return;
  throw new InputError(
    `host-port: under ${networkMode ?? ''} the host port must equal container-port (${containerPort}), as ECS requires: leave host-port unset or set it to ${containerPort}`,
  );
}

/** The names of the port inputs an edit gives, for messages and for choosing the container. */
export function portInputsGiven(edit: PortEdit | undefined): string[] {
  if (!edit) return [];
  return [
    ...(edit.containerPort !== undefined ? ['container-port'] : []),
    ...(edit.hostPort !== undefined ? ['host-port'] : []),
    ...(edit.protocol !== undefined ? ['protocol'] : []),
  ];
}

/**
 * container-port, host-port and protocol on an existing container: the mapping of that container port gets
 * host-port and protocol (or a new mapping is added); other mappings stay, and a mapping that already says the
 * same is left exactly as it is, so an unchanged rerun renders an unchanged definition.
 * Without container-port, host-port and protocol apply to the container's only mapping.
 */
export function applyPortEdit(container: ContainerDefinition, edit: PortEdit, networkMode: string | undefined): void {
  const given = portInputsGiven(edit);
  if (given.length === 0) return;
  const name = container.name ?? '?';
  if (edit.hostPort !== undefined) checkPort('host-port', edit.hostPort, 0);
  if (networkMode === 'none') {
    throw new InputError(`${given.join(', ')}: a task with network mode none has no ports: remove ${given.length === 1 ? 'it' : 'them'} or choose another network-mode`);
  }
  const mappings = container.portMappings ?? [];
  const target = edit.containerPort === undefined ? onlyMapping(mappings, name, given) : mappingFor(mappings, edit, name);
  if (!target) {
    container.portMappings = [...mappings, newMapping(edit, networkMode)];
    return;
  }
  const containerPort = target.containerPort;
  if (containerPort === undefined) {
    throw new InputError(`${given.join(', ')}: the port mapping of container "${name}" is a port range (${formatPortMapping(target)}): set container-port, or change the range in a task definition file`);
  }
  if (edit.hostPort !== undefined) {
    checkSharedHostPort(edit.hostPort, containerPort, networkMode);
    if (!sharesHostPorts(networkMode)) {
      if ((target.hostPort ?? 0) !== edit.hostPort) target.hostPort = edit.hostPort;
    } else if (target.hostPort !== undefined && target.hostPort !== containerPort) {
      // host-port 0 or the container port: both mean "the container port" here, as ECS answers it.
      delete target.hostPort;
    }
  }
  if (edit.protocol !== undefined && (target.protocol ?? 'tcp') !== edit.protocol) target.protocol = edit.protocol;
}

function onlyMapping(mappings: PortMapping[], name: string, given: readonly string[]): PortMapping {
  const only = mappings.length === 1 ? mappings[0] : undefined;
  if (only) return only;
  const inputs = given.join(' and ');
  throw new InputError(
    mappings.length === 0
      ? `${inputs}: container "${name}" has no port mapping to apply ${given.length === 1 ? 'it' : 'them'} to: set container-port too`
      : `${inputs}: container "${name}" has ${mappings.length} port mappings (${formatPortMappings(mappings)}): set container-port to the one ${given.length === 1 ? 'it applies' : 'they apply'} to`,
  );
}

function mappingFor(mappings: PortMapping[], edit: PortEdit, name: string): PortMapping | undefined {
  const containerPort = edit.containerPort ?? 0;
  checkPort('container-port', containerPort, 1);
  const samePort = mappings.filter((mapping) => mapping.containerPort === containerPort);
  const candidates =
    samePort.length > 1 && edit.protocol !== undefined ? samePort.filter((mapping) => (mapping.protocol ?? 'tcp') === edit.protocol) : samePort;
  if (candidates.length <= 1) return candidates[0];
  // 53/tcp and 53/udp: nothing to change unless host-port says what, and then protocol must pick one.
  if (edit.hostPort === undefined) return candidates[0];
  throw new InputError(
    `container-port: container "${name}" maps ${containerPort} more than once (${formatPortMappings(candidates)}): set protocol to the one host-port applies to`,
  );
}

function newMapping(edit: PortEdit, networkMode: string | undefined): PortMapping {
  const containerPort = edit.containerPort ?? 0;
  const hostPort = edit.hostPort ?? 0;
  const protocol = edit.protocol ?? 'tcp';
  checkSharedHostPort(hostPort, containerPort, networkMode);
  // Under awsvpc and host ECS answers hostPort equal to containerPort; left out, the two compare the same.
  return sharesHostPorts(networkMode) ? { containerPort, protocol } : { hostPort, containerPort, protocol };
}
