/**
 * Import circles in a graph of modules: each strongly connected set of nodes (Tarjan's), as
 * one shortest circle through it, so a failing test names the files to untangle.
 */

/** each node's outgoing edges; a node only pointed at may be left out */
export type Graph = ReadonlyMap<string, readonly string[]>;

/**
 * One circle per tangle, as the nodes in order (the last leads back to the first), starting
 * at the tangle's first node in sort order; the circles sorted by that node.
 */
export function findCycles(graph: Graph): string[][] {
  return stronglyConnected(graph)
    .filter((set) => set.length > 1 || (graph.get(set[0]!) ?? []).includes(set[0]!))
    .map((set) => shortestCircle(graph, new Set(set), [...set].sort()[0]!))
    .sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
}

/** Tarjan's strongly connected components, without recursion (a long chain stays in bounds). */
function stronglyConnected(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const sets: string[][] = [];
  let next = 0;
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    // each entry: a node and how many of its edges have been followed
    const work: [string, number][] = [[root, 0]];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const [node, followed] = top;
      const edges = graph.get(node) ?? [];
      if (followed < edges.length) {
        top[1]++;
        const to = edges[followed]!;
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push([to, 0]);
        } else if (onStack.has(to)) {
          low.set(node, Math.min(low.get(node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(node)!));
      if (low.get(node) !== index.get(node)) continue;
      const set: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        set.push(member);
      } while (member !== node);
      sets.push(set);
    }
  }
  return sets;
}

/** The shortest way from `start` back to itself inside `within` (breadth first). */
function shortestCircle(graph: Graph, within: ReadonlySet<string>, start: string): string[] {
  const cameFrom = new Map<string, string>();
  let frontier = [start];
  while (frontier.length > 0) {
    const after: string[] = [];
    for (const node of frontier) {
      for (const to of graph.get(node) ?? []) {
        if (!within.has(to)) continue;
        if (to === start) return pathTo(cameFrom, start, node);
        if (cameFrom.has(to)) continue;
        cameFrom.set(to, node);
        after.push(to);
      }
    }
    frontier = after;
  }
  return [start];
}

function pathTo(cameFrom: ReadonlyMap<string, string>, start: string, last: string): string[] {
  const path = [last];
  while (path[0] !== start) path.unshift(cameFrom.get(path[0]!)!);
  return path;
}
