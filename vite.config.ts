import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { precompress } from './src/gateway/static/precompress.ts';

/**
 * browser tests whose goal is a wall-clock figure (a hidden tab caught up within 2 s, no task
 * over 300 ms): they run alone after the rest, so another file's Chromium and gateways do not
 * share the two cores with the figure they measure
 */
const TIMED_E2E = ['test/e2e/hidden-tab.test.ts', 'test/e2e/postmortem-hostile.test.ts'];

/** the gateway `npm run dev` talks to: the page's own origin is the dev server's, so it proxies */
const GATEWAY = process.env.SKEWBOARD_GATEWAY ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react(), precompress('dist')],
  server: {
    // the Host and Origin the gateway sees stay the dev server's, so it counts as the page's
    // own origin and needs no --allow-origin
    proxy: {
      '/socket.io': { target: GATEWAY, ws: true },
      '/api': { target: GATEWAY },
    },
  },
  // module workers (the recording loader), as every browser we support runs them
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    // the gateway serves dist/; a stale bundle would hide a broken build
    emptyOutDir: true,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'mocks/**/*.test.ts', 'test/integration/**/*.test.ts'],
          environment: 'node',
          // vitest's default on two cores is one file at a time; most of the integration
          // tests' time is spent waiting on the programs they start (a gateway playing the
          // incident, Redis, HAProxy), so two files at once keep both cores busy (three
          // starved the CPU-heavy ones on a loaded machine)
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // each file starts its own gateways and browser on ports of its own; two files at
          // once, as most of their time is the seed incident playing to the moment they check
          maxWorkers: 2,
          exclude: TIMED_E2E,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e-timed',
          include: TIMED_E2E,
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers: 1,
        },
      },
    ],
  },
});
