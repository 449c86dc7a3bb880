import { describe, expect, it } from 'vitest';
import { planRows, type PlanRow, type PlanServer } from './row-plan';

const pool = (name: string, n: number): PlanServer[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${name}-${i + 1}`, pool: name }));

/** a plan as a reader sees it: "web-3" for a server row, "[web x 5]" or "[web x 5 open]" */
const show = (rows: readonly PlanRow[]) =>
  rows.map((r) =>
    r.kind === 'server' ? r.id : `[${r.pool} x ${r.ids.length}${r.unfolded ? ' open' : ''}]`,
  );

const none = new Set<string>();

describe('planRows', () => {
  it.each([
    {
      name: 'every server fits: one row each, in the store order, alerting or not',
      servers: pool('web', 3),
      alerting: ['web-3'],
      standingOut: ['web-2'],
      fit: 3,
      unfolded: [],
      expected: ['web-1', 'web-2', 'web-3'],
    },
    {
      name: 'too many: alerting, then standing out, then a band per pool',
      servers: [...pool('web', 6), ...pool('api', 4)],
      alerting: ['api-2', 'web-5'],
      standingOut: ['web-1', 'api-4'],
      fit: 6,
      unfolded: [],
      expected: ['web-5', 'api-2', 'web-1', 'api-4', '[web x 4]', '[api x 2]'],
    },
    {
      name: 'standing out only as far as a band per pool leaves room, most first',
      servers: [...pool('web', 6), ...pool('api', 4)],
      alerting: [],
      standingOut: ['web-6', 'api-1', 'web-2'],
      fit: 4,
      unfolded: [],
      expected: ['web-6', 'api-1', '[web x 5]', '[api x 3]'],
    },
    {
      name: 'alerting servers get a row even past the rows that fit',
      servers: pool('web', 5),
      alerting: ['web-1', 'web-2', 'web-3'],
      standingOut: ['web-4'],
      fit: 2,
      unfolded: [],
      expected: ['web-1', 'web-2', 'web-3', '[web x 2]'],
    },
    {
      name: 'an unfolded pool lists its servers under its band; the others stay folded',
      servers: [...pool('web', 3), ...pool('api', 3)],
      alerting: ['web-2'],
      standingOut: [],
      fit: 3,
      unfolded: ['web'],
      expected: ['web-2', '[web x 2 open]', 'web-1', 'web-3', '[api x 3]'],
    },
    {
      name: 'servers without a pool fold together; ids not in the store are ignored',
      servers: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      alerting: [],
      standingOut: ['gone', 'b'],
      fit: 2,
      unfolded: [],
      expected: ['b', '[ x 2]'],
    },
    {
      name: 'a pool with one server left shows it, not a band of one',
      servers: [...pool('web', 4), ...pool('db', 2), { id: 'lone', pool: 'cache' }],
      alerting: ['db-2'],
      standingOut: [],
      fit: 3,
      unfolded: [],
      expected: ['db-2', '[web x 4]', 'db-1', 'lone'],
    },
    {
      name: 'a pool whose servers all have their own row has no band',
      servers: [...pool('web', 4), ...pool('db', 1)],
      alerting: ['db-1'],
      standingOut: [],
      fit: 3,
      unfolded: [],
      expected: ['db-1', '[web x 4]'],
    },
  ])('$name', ({ servers, alerting, standingOut, fit, unfolded, expected }) => {
    const plan = planRows({
      servers,
      alerting: new Set(alerting),
      standingOut,
      fit,
      unfolded: new Set(unfolded),
    });
    expect(show(plan.rows)).toEqual(expected);
    expect(plan.servers).toBe(servers.length);
    expect(plan.folded).toBe(servers.length > fit);
  });

  it('stands for every server exactly once', () => {
    const servers = [...pool('web', 50), ...pool('api', 30), { id: 'lone' }];
    const plan = planRows({
      servers,
      alerting: new Set(['api-7', 'web-49']),
      standingOut: ['web-3', 'lone', 'api-7'],
      fit: 10,
      unfolded: none,
    });
    const covered = plan.rows.flatMap((r) => (r.kind === 'server' ? [r.id] : r.ids));
    expect(covered.sort()).toEqual(servers.map((s) => s.id).sort());
    expect(plan.rows.length).toBeLessThanOrEqual(10);
  });
});
