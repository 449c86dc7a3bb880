/**
 * The import graph of a folder's TypeScript: every .ts and .tsx file under it (tests too),
 * each with the files its imports reach (type-only and lazy `import()` included), found and
 * resolved by the TypeScript compiler with the project's own options.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import type { Graph } from './find-cycles';

const SOURCE = /\.tsx?$/;

/** The graph, its nodes the files' paths relative to `root`, with `/` between folders. */
export function readImportGraph(root: string, tsconfigPath: string): Graph {
  const options = compilerOptions(tsconfigPath);
  const files = sourceFiles(root);
  const inside = new Set(files);
  const name = (file: string) => relative(root, file).split('\\').join('/');
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const reached = importedFiles
      .filter((i) => i.fileName.startsWith('.'))
      .map((i) => ts.resolveModuleName(i.fileName, file, options, ts.sys).resolvedModule)
      .map((m) => (m === undefined ? undefined : resolve(m.resolvedFileName)))
      .filter((f): f is string => f !== undefined && inside.has(f));
    graph.set(name(file), [...new Set(reached.map(name))]);
  }
  return graph;
}

function compilerOptions(tsconfigPath: string): ts.CompilerOptions {
  const { config, error } = ts.readConfigFile(tsconfigPath, (p) => ts.sys.readFile(p));
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const dir = resolve(tsconfigPath, '..');
  return ts.convertCompilerOptionsFromJson(config.compilerOptions, dir).options;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && SOURCE.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => resolve(join(e.parentPath, e.name)));
}
