import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCycles } from './import-graph/find-cycles';
import { readImportGraph } from './import-graph/read-import-graph';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// an import circle is a sign that a controller slipped into the state (STYLE.md, 11)
describe('the import graph of src/', () => {
  const graph = readImportGraph(join(ROOT, 'src'), join(ROOT, 'tsconfig.json'));

  it('is read whole: relative, type-only and lazy imports, resolved to their files', () => {
    expect(graph.get('state/store.ts')).toContain('state/replay-slice.ts');
    expect(graph.get('state/replay-session.ts')).toContain('state/store.ts');
    expect(graph.get('views/App/App.tsx')).toContain('views/ShareBars/index.ts');
    expect(graph.get('views/App/index.ts')).toContain('views/App/App.tsx');
  });

  it('has no circle', () => {
    const circles = findCycles(graph).map((c) => [...c, c[0]].join(' -> '));
    expect(circles, `import circles:\n${circles.join('\n')}`).toEqual([]);
  });
});
