/** `--expect web1=1,web2=3`: the weights the design intends, which the configuration may not say. */
import type { LbServer } from '../lb-config/balanced-backend';

const MAX_WEIGHT = 1_000_000;

/** The intended weight of each server, in the order of `servers`; throws RangeError naming the fault. */
export function expectWeights(spec: string, servers: readonly LbServer[]): number[] {
  const given = new Map<string, number>();
  for (const part of spec.split(',')) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    const weight = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
    if (eq <= 0 || !(weight >= 0 && weight <= MAX_WEIGHT)) {
      throw new RangeError(`"${part}" is not name=weight (a number from 0 to ${MAX_WEIGHT})`);
    }
    if (!servers.some((s) => s.name === name)) {
      throw new RangeError(
        `no server "${name}" (there are: ${servers.map((s) => s.name).join(', ')})`,
      );
    }
    if (given.has(name)) throw new RangeError(`${name} is given twice`);
    given.set(name, weight);
  }
  const missing = servers.filter((s) => !given.has(s.name)).map((s) => s.name);
  if (missing.length > 0)
    throw new RangeError(`no weight for ${missing.join(', ')}: name every server`);
  if ([...given.values()].every((w) => w === 0)) throw new RangeError('every weight is 0');
  return servers.map((s) => given.get(s.name)!);
}
