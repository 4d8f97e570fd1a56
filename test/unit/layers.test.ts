// Every module of src/ imports only from its own layer and the layers below it. The layers are the table in
// docs/design.md, read here, so the documentation and the check cannot drift apart.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SRC = join(ROOT, 'src');

interface Layer {
  name: string;
  /** `dir/` for a folder of src/, `name.ts` for a module at its top. */
  members: string[];
}

/** The layers of the design notes' table, bottom first. */
export function layersFrom(designNotes: string): Layer[] {
  const section = /^## Layers\n([\s\S]*?)(?=^## )/m.exec(designNotes)?.[1] ?? '';
  const rows = section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Layer'));
  return rows
    .map((row) => {
      const [name = '', modules = ''] = row.split('|').slice(1).map((cell) => cell.trim());
      return { name, members: [...modules.matchAll(/`([^`]+)`/g)].map((match) => match[1]!) };
    })
    .reverse();
}

/** Every relative module a file imports: values, types, re-exports and dynamic imports alike. */
export function importsOf(file: string, text: string): string[] {
  const specs = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)['"](\.[^'"]+)['"]/gm)].map((match) => match[1]!);
  return specs.map((spec) => normalize(join(dirname(file), spec.replace(/\.js$/, '.ts'))));
}

export function layerOf(layers: readonly Layer[], path: string): number {
  const top = path.includes('/') ? `${path.split('/')[0]!}/` : path;
  return layers.findIndex((layer) => layer.members.includes(top));
}

/** `from -> to` for each import of a module from a layer above its own. */
export function upwardImports(layers: readonly Layer[], imports: ReadonlyMap<string, readonly string[]>): string[] {
  const found: string[] = [];
  for (const [from, targets] of imports) {
    for (const to of targets) {
      const [own, other] = [layerOf(layers, from), layerOf(layers, to)];
      if (other > own) found.push(`${from} (${layers[own]!.name}) -> ${to} (${layers[other]!.name})`);
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const layers = layersFrom(readFileSync(join(ROOT, 'docs/design.md'), 'utf8'));
const imports = new Map(
  sourceFiles(SRC).map((file) => [relative(SRC, file), importsOf(file, readFileSync(file, 'utf8')).map((to) => relative(SRC, to))] as const),
);

describe('layers', () => {
  test('the design notes name the layers, from entry down to base', () => {
    expect(layers.map((layer) => layer.name).reverse()).toEqual([
      'entry',
      'operations',
      'run',
      'hosts',
      'delivery',
      'rollout kinds',
      'watch',
      'images',
      'inputs',
      'one-off tasks',
      'AWS',
      'task definitions',
      'base',
    ]);
  });

  test('every module of src/ is in a layer', () => {
    expect([...imports.keys()].filter((path) => layerOf(layers, path) < 0)).toEqual([]);
  });

  test('no module imports from a layer above its own', () => {
    expect(upwardImports(layers, imports)).toEqual([]);
  });

  test('an import from a layer above is found, type-only and dynamic ones included', () => {
    const table = [
      { name: 'base', members: ['errors.ts'] },
      { name: 'AWS', members: ['aws/'] },
      { name: 'delivery', members: ['deploy/'] },
    ];
    const text = "import type { Plan } from '../deploy/plan.js';\nconst lazy = () => import('../deploy/apply.js');\nimport { x } from '../errors.js';\n";
    const found = importsOf(join(SRC, 'aws/ecs.ts'), text).map((to) => relative(SRC, to));
    expect(found).toEqual(['deploy/plan.ts', 'deploy/apply.ts', 'errors.ts']);
    expect(upwardImports(table, new Map([['aws/ecs.ts', found]]))).toEqual([
      'aws/ecs.ts (AWS) -> deploy/plan.ts (delivery)',
      'aws/ecs.ts (AWS) -> deploy/apply.ts (delivery)',
    ]);
  });
});
