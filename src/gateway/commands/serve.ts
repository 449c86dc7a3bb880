/**
 * `skewboard serve` (CONTRACT section 3): the command's table here, the gateway itself in
 * ../serve.ts, loaded only when it runs: its libraries (socket.io, redis, prom-client, sirv)
 * take most of a second to load, which `--version`, `--help` and `analyze` need not wait for.
 */
import { defineCommand } from '../command-line/command';
import { SERVE_SPEC } from '../serve-options';

export const serveCommand = defineCommand(SERVE_SPEC, async (options) => {
  const { serve } = await import('../serve');
  return serve(options);
});
