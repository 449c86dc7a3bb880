import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { nearestPackageFolder, packageRoot, packageVersion } from './own-package';

describe('nearestPackageFolder', () => {
  it.each([
    {
      name: 'the checkout: two folders above src/gateway',
      start: '/repo/src/gateway',
      packages: ['/repo'],
      found: '/repo',
    },
    {
      name: 'the installed package: one folder above lib, not the project that installed it',
      start: '/srv/app/node_modules/skewboard/lib',
      packages: ['/srv/app', '/srv/app/node_modules/skewboard'],
      found: '/srv/app/node_modules/skewboard',
    },
    {
      name: 'a package.json in the start folder itself',
      start: '/pkg',
      packages: ['/pkg'],
      found: '/pkg',
    },
    {
      name: 'none up to the filesystem root',
      start: '/a/b/c',
      packages: [] as string[],
      found: undefined,
    },
  ])('$name', ({ start, packages, found }) => {
    expect(nearestPackageFolder(start, (folder) => packages.includes(folder))).toBe(found);
  });
});

describe('packageRoot', () => {
  it("is this checkout's root, where package.json is", () => {
    expect(packageRoot()).toBe(join(fileURLToPath(new URL('.', import.meta.url)), '..', '..'));
  });
});

describe('packageVersion', () => {
  it("is package.json's version", () => {
    const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(packageVersion()).toBe(manifest.version);
    expect(packageVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
