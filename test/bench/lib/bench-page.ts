/**
 * Bench pages: entries in test/bench/browser/ built with Vite (production React, as the app
 * ships) into a temporary folder, served on 127.0.0.1 and opened in Debian's Chromium.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { launchBrowser } from '../../e2e/harness';
import { serveStatic, type StaticServer } from './static-server';

const BROWSER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'browser');

export interface BenchPages {
  browser: Browser;
  server: StaticServer;
  /** opens `<name>.html` in a new page and waits until its script has run */
  open(name: string, ready: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Builds the named pages (test/bench/browser/<name>.html), serves them with `files` beside
 * them (URL path -> file), and launches the browser.
 */
export async function benchPages(
  names: string[],
  files: Record<string, string> = {},
): Promise<BenchPages> {
  const outDir = await mkdtemp(join(tmpdir(), 'skewboard-bench-page-'));
  await build({
    configFile: false,
    root: BROWSER_DIR,
    logLevel: 'warn',
    plugins: [react()],
    worker: { format: 'es' },
    build: {
      outDir,
      emptyOutDir: true,
      reportCompressedSize: false,
      // readable function names in CPU profiles; V8 runs it no slower
      minify: false,
      chunkSizeWarningLimit: 100_000,
      rolldownOptions: {
        input: Object.fromEntries(names.map((n) => [n, join(BROWSER_DIR, `${n}.html`)])),
      },
    },
  });
  const server = await serveStatic(outDir, { files, isolated: true });
  const browser = await launchBrowser();
  return {
    browser,
    server,
    async open(name, ready) {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
      page.on('pageerror', (err) => console.error(`${name}: ${err.message}`));
      await page.goto(`${server.url}${name}.html`);
      await page.waitForFunction(ready);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
