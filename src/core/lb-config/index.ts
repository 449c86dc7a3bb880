/**
 * Load-balancer configurations as test-lb reads them: which backend (HAProxy) or upstream
 * (nginx) is under test and how it balances, the configuration rewritten to run on loopback
 * against stubs, and the guard that refuses any address left off loopback. Pure: text in,
 * text out; the gateway runs the balancer.
 */
import type { BalancedBackend, RewritePorts, RewrittenConfig } from './balanced-backend';
import type { LbKind } from './config-kind';
import { readHaproxyBackend } from './haproxy-config';
import { rewriteHaproxy } from './haproxy-rewrite';
import { guardHaproxy, guardNginx } from './loopback-guard';
import { readNginxUpstream } from './nginx-config';
import { rewriteNginx } from './nginx-rewrite';

export * from './balanced-backend';
export { configKind, type LbKind } from './config-kind';
export { LbConfigError } from './lb-config-error';
export { isLoopbackAddress } from './loopback-guard';
export { balancerComplaint, userLines } from './balancer-message';

export function readBackend(kind: LbKind, text: string, named?: string): BalancedBackend {
  return kind === 'haproxy' ? readHaproxyBackend(text, named) : readNginxUpstream(text, named);
}

/** The configuration to run, already through the loopback guard (which throws LbConfigError). */
export function runnableConfig(
  text: string,
  backend: BalancedBackend,
  ports: RewritePorts,
): RewrittenConfig {
  if (backend.kind === 'haproxy') {
    const config = rewriteHaproxy(text, backend, ports);
    guardHaproxy(config);
    return config;
  }
  const config = rewriteNginx(text, backend, ports);
  guardNginx(config);
  return config;
}
