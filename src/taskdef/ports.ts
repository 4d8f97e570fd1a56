// Port mappings and the network mode rules ECS applies to them.
import type { PortMapping } from './types.js';

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
