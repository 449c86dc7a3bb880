/**
 * Sets what the detector said about a scenario against what it should have said: the delay of
 * each expected alert, the false alerts, and every way the two differ, in words.
 */
import type { AlertEvent } from '../../src/core/detector';
import type { ExpectedAlert, ScenarioExpectation } from './expectations';

/** How one expected alert went. */
export interface Found {
  expected: ExpectedAlert;
  /** ms from the fault to the firing; undefined when it never fired */
  delayMs?: number;
  /** ms from the fault's end to the resolution */
  resolveDelayMs?: number;
}

export interface Verdict {
  scenario: string;
  found: Found[];
  /** firing events nobody expected, and repeated firings of expected ones */
  falseAlerts: AlertEvent[];
  /** everything that is wrong, one sentence each; empty when the detector got it right */
  problems: string[];
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);
const label = (x: { rule: string; servers: readonly string[] }) =>
  `${x.rule} [${x.servers.join(',')}]`;

export function judge(x: ScenarioExpectation, events: readonly AlertEvent[]): Verdict {
  const problems: string[] = [];
  const claimed = new Set<AlertEvent>();
  const found = x.alerts.map((want): Found => {
    const matches = (e: AlertEvent) => e.rule === want.rule && same(e.servers, want.servers);
    const firing = events.find((e) => e.state === 'firing' && matches(e) && !claimed.has(e));
    if (!firing) {
      problems.push(`${label(want)} never fired`);
      return { expected: want };
    }
    claimed.add(firing);
    const delayMs = firing.t - want.faultT;
    if (delayMs < 0) problems.push(`${label(want)} fired ${-delayMs / 1000} s before the fault`);
    if (delayMs > want.within) {
      problems.push(
        `${label(want)} fired after ${delayMs / 1000} s, allowed ${want.within / 1000} s`,
      );
    }
    if (firing.cause !== want.cause) {
      problems.push(`${label(want)} has cause ${firing.cause}, expected ${want.cause}`);
    }
    const resolved = events.find((e) => e.state === 'resolved' && matches(e) && e.t > firing.t);
    if (!want.resolve) {
      if (resolved)
        problems.push(`${label(want)} resolved at ${iso(resolved.t)} while the fault lasts`);
      return { expected: want, delayMs };
    }
    if (!resolved) {
      problems.push(`${label(want)} never resolved`);
      return { expected: want, delayMs };
    }
    const resolveDelayMs = resolved.t - want.resolve.after;
    if (resolveDelayMs < 0 || resolveDelayMs > want.resolve.within) {
      problems.push(
        `${label(want)} resolved ${resolveDelayMs / 1000} s after the fault ended, ` +
          `allowed 0 to ${want.resolve.within / 1000} s`,
      );
    }
    return { expected: want, delayMs, resolveDelayMs };
  });
  const falseAlerts = events.filter((e) => e.state === 'firing' && !claimed.has(e));
  for (const e of falseAlerts)
    problems.push(`false alert at ${iso(e.t)}: ${label(e)} ${e.cause}: ${e.message}`);
  return { scenario: x.scenario.name, found, falseAlerts, problems };
}

const iso = (t: number) => new Date(t).toISOString();
