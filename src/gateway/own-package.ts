/**
 * Skewboard's own package: the folder it lives in, which holds package.json and the built page
 * (dist/), and its version. The gateway runs from two places: its TypeScript source in a
 * checkout (src/gateway/) and the compiled bundle in an installed package (lib/), so neither
 * may assume how many folders up that is.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder at or above `start` that holds a package.json, or undefined. */
export function nearestPackageFolder(
  start: string,
  hasPackageJson: (folder: string) => boolean,
): string | undefined {
  for (let folder = start; ;) {
    if (hasPackageJson(folder)) return folder;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

let root: string | undefined;

/** The package's root folder (the checkout's, or node_modules/skewboard once installed). */
export function packageRoot(): string {
  root ??= nearestPackageFolder(dirname(fileURLToPath(import.meta.url)), (folder) =>
    existsSync(join(folder, 'package.json')),
  );
  if (root === undefined) throw new Error('skewboard: cannot find its package.json');
  return root;
}

/** The version in package.json, the one `npm install` and the changelog speak of. */
export function packageVersion(): string {
  const path = join(packageRoot(), 'package.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}
