// No module of src/ reaches itself through the modules it loads: a cycle makes load order matter and hides which
// module is the lower one. Type-only imports vanish from the bundle and are not counted.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** The modules a file loads: static imports and re-exports that bring values, and dynamic imports. */
export function valueImports(file: string, text: string): string[] {
  const specs: string[] = [];
  const statement = /^(import|export)\s+(type\s+)?([^;]*?)\s+from\s+['"](\.[^'"]+)['"]/gms;
  for (const match of text.matchAll(statement)) {
    if (match[2]) continue;
    const names = match[3] ?? '';
    // `import { type A, type B } from` brings no value either.
    const braces = /^\{([^}]*)\}$/.exec(names.trim());
    if (braces && braces[1]!.split(',').every((name) => name.trim() === '' || name.trim().startsWith('type '))) continue;
    specs.push(match[4]!);
  }
  for (const match of text.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) specs.push(match[1]!);
  return specs.map((spec) => normalize(join(dirname(file), spec.replace(/\.js$/, '.ts'))));
}

export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!graph.has(to)) continue;
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (;;) {
      const member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('imports', () => {
  test('the cycle finder finds a cycle and lets a chain pass', () => {
    const chain = new Map([['a', ['b']], ['b', ['c']], ['c', []]]);
    expect(cycles(chain)).toEqual([]);
    const loop = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(cycles(loop)).toEqual([['a', 'b', 'c']]);
  });

  test('type-only imports are not counted; value, re-export and dynamic imports are', () => {
    const text = [
      "import type { A } from './a.js';",
      "import { type B, type C } from './b.js';",
      "import { d } from './d.js';",
      "export { e } from './e.js';",
      "const f = await import('./f.js');",
    ].join('\n');
    expect(valueImports('/x/m.ts', text)).toEqual(['/x/d.ts', '/x/e.ts', '/x/f.ts']);
  });

  test('no module of src/ imports itself through others', () => {
    const graph = new Map(sourceFiles(SRC).map((file) => [file, valueImports(file, readFileSync(file, 'utf8'))]));
    const named = cycles(graph).map((cycle) => cycle.map((file) => relative(SRC, file)));
    expect(named).toEqual([]);
  });
});
