import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The emulator's source folders and the folders each imports, specs left out. */
function folderImports(root: string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const folderOf = (file: string) => {
    const parts = relative(root, file).split('/');
    return parts.length === 1 ? '.' : parts.slice(0, parts[0] === 'features' ? 2 : 1).join('/');
  };
  const visit = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        visit(path);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        const from = folderOf(path);
        const targets = graph.get(from) ?? new Set<string>();
        graph.set(from, targets);
        for (const match of readFileSync(path, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
          const to = folderOf(resolve(dirname(path), match[1]));
          if (to !== from) {
            targets.add(to);
          }
        }
      }
    }
  };
  visit(root);
  return graph;
}

/** A cycle in the graph, as `a -> b -> a`, or `undefined`. */
function findCycle(graph: Map<string, Set<string>>): string | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string | undefined => {
    if (state.get(node) === 'open') {
      return [...path.slice(path.indexOf(node)), node].join(' -> ');
    }
    if (state.get(node) === 'done') {
      return undefined;
    }
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) {
        return cycle;
      }
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) {
      return cycle;
    }
  }
  return undefined;
}

describe('the emulator source layout', () => {
  const graph = folderImports(__dirname);

  it('has no import cycle between folders (each feature folder counts as one)', () => {
    expect(findCycle(graph)).toBeUndefined();
  });

  it('keeps the protocol layer at the bottom and features above the core', () => {
    expect([...(graph.get('protocol') ?? [])]).toEqual([]);
    const core = [
      'protocol',
      'store',
      'auth',
      'sessions',
      'responses',
      'fanout',
      'services',
      'http',
      'ws',
    ];
    for (const folder of core) {
      const intoFeatures = [...(graph.get(folder) ?? [])].filter((to) => to.startsWith('features'));
      expect({ folder, intoFeatures }).toEqual({ folder, intoFeatures: [] });
    }
  });

  it('finds a cycle when there is one', () => {
    const cyclic = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['a'])],
    ]);
    expect(findCycle(cyclic)).toBe('a -> b -> a');
  });
});
