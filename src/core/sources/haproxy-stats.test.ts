import { describe, expect, it } from 'vitest';
import {
  parseStatsCsv,
  statsFrame,
  statsServers,
  type StatsRow,
  type StatsSnapshot,
} from './haproxy-stats';

// the header HAProxy 2.6 writes on `/stats;csv`, as it wrote it
const HEADER =
  '# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,weight,act,bck,chkfail,chkdown,lastchg,downtime,qlimit,pid,iid,sid,throttle,lbtot,tracked,type,rate,rate_lim,rate_max,check_status,check_code,check_duration,hrsp_1xx,hrsp_2xx,hrsp_3xx,hrsp_4xx,hrsp_5xx,hrsp_other,hanafail,req_rate,req_rate_max,req_tot,cli_abrt,srv_abrt,comp_in,comp_out,comp_byp,comp_rsp,lastsess,last_chk,last_agt,qtime,ctime,rtime,ttime,agent_status,agent_code,agent_duration,check_desc,agent_desc,check_rise,check_fall,check_health,agent_rise,agent_fall,agent_health,addr,cookie,mode,algo,conn_rate,conn_rate_max,conn_tot,intercepted,dcon,dses,wrew,connect,reuse,cache_lookups,cache_hits,srv_icur,src_ilim,qtime_max,ctime_max,rtime_max,ttime_max,eint,idle_conn_cur,safe_conn_cur,used_conn_cur,need_conn_est,uweight,agg_server_status,agg_server_check_status,agg_check_status,-,ssl_sess,ssl_reused_sess,ssl_failed_handshake,h2_headers_rcvd,h2_data_rcvd,h2_settings_rcvd,h2_rst_stream_rcvd,h2_goaway_rcvd,h2_detected_conn_protocol_errors,h2_detected_strm_protocol_errors,h2_rst_stream_resp,h2_goaway_resp,h2_open_connections,h2_backend_open_streams,h2_total_connections,h2_backend_total_streams,h1_open_connections,h1_open_streams,h1_total_connections,h1_total_streams,h1_bytes_in,h1_bytes_out,h1_spliced_bytes_in,h1_spliced_bytes_out,';

// HAProxy 2.6 after 25 requests: web1 no check, web2/web3 checked (10 pinned to web2 by a
// cookie, so its lbtot lags its stot), web4 refusing connections
const REAL = `${HEADER}
fe,FRONTEND,,,0,2,256,21,2175,2725,0,0,0,,,,,OPEN,,,,,,,,,1,1,0,,,,0,21,0,21,,,,0,25,0,0,0,0,,25,25,25,,,0,0,0,0,,,,,,,,,,,,,,,,,,,,,http,,21,21,21,0,0,0,0,,,0,0,,,,,,,0,,,,,,,,,-,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,21,25,2140,3070,0,0,
app,web1,0,0,0,1,,8,659,872,,0,,0,0,0,0,no check,2,1,0,,,2,,,1,2,1,,8,,2,8,,8,,,,0,8,0,0,0,0,,,,8,0,0,,,,,0,,,0,0,2,2,,,,,,,,,,,,,,http,,,,,,,,0,6,2,,,1,,0,0,6,6,0,0,1,0,1,2,,,,-,0,0,0,,,,,,,,,,,,,,,,,,,,,,
app,web2,0,0,0,1,,14,1269,1526,,0,,0,0,0,0,UP,1,1,0,0,0,2,0,,1,2,2,,4,,2,14,,14,L4OK,,0,0,14,0,0,0,0,,,,14,0,0,,,,,0,,,0,0,1,1,,,,Layer4 check passed,,2,3,4,,,,,,http,,,,,,,,0,13,1,,,2,,0,0,1,1,0,1,1,0,1,1,,,,-,0,0,0,,,,,,,,,,,,,,,,,,,,,,
app,web3,0,0,0,1,,3,247,327,,0,,0,0,0,0,UP,1,1,0,0,0,2,0,,1,2,3,,3,,2,3,,3,L4OK,,0,0,3,0,0,0,0,,,,3,0,0,,,,,0,,,0,0,1,1,,,,Layer4 check passed,,2,3,4,,,,,,http,,,,,,,,0,2,1,,,1,,0,0,1,1,0,0,1,0,1,1,,,,-,0,0,0,,,,,,,,,,,,,,,,,,,,,,
app,web4,0,0,0,0,,0,0,0,,0,,0,0,0,0,DOWN,1,1,0,1,1,0,0,,1,2,4,,0,,2,0,,0,L4CON,,0,0,0,0,0,0,0,,,,0,0,0,,,,,-1,Connection refused,,0,0,0,0,,,,Layer4 connection problem,,2,3,0,,,,,,http,,,,,,,,0,0,0,,,0,,0,0,0,0,0,0,0,0,1,1,,,,-,0,0,0,,,,,,,,,,,,,,,,,,,,,,
app,BACKEND,0,0,0,1,26,25,2175,2725,0,0,,0,0,0,0,UP,4,3,0,,0,2,0,,1,2,0,,15,,1,25,,25,,,,0,25,0,0,0,0,,,,25,0,0,0,0,0,0,0,,,0,0,1,1,,,,,,,,,,,,,,http,,,,,,,,0,21,4,0,0,,,0,0,6,6,0,,,,,4,0,0,0,-,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,0,21,25,3250,1980,0,0,
stats,FRONTEND,,,1,1,256,1,0,0,0,0,0,,,,,OPEN,,,,,,,,,1,3,0,,,,0,1,0,1,,,,0,0,0,0,0,0,,1,1,1,,,0,0,0,0,,,,,,,,,,,,,,,,,,,,,http,,1,1,1,1,0,0,0,,,0,0,,,,,,,0,,,,,,,,,-,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,88,0,0,0,
`;

const COLUMNS = HEADER.slice(2).split(',');

type Fields = Record<string, string | number>;

/** A CSV with HAProxy's header; each row's unnamed columns are left empty, as HAProxy does. */
function csv(rows: Fields[], columns = COLUMNS): string {
  const line = (r: Fields) => columns.map((c) => String(r[c] ?? '')).join(',');
  return [`# ${columns.join(',')}`, ...rows.map(line)].join('\n') + '\n';
}

/** A server row as HAProxy 2.6 fills it for an HTTP backend. */
function server(pxname: string, svname: string, f: Fields = {}): Fields {
  return {
    pxname,
    svname,
    type: 2,
    status: 'UP',
    weight: 1,
    act: 1,
    bck: 0,
    stot: 0,
    hrsp_5xx: 0,
    eresp: 0,
    qtime: 0,
    ctime: 0,
    rtime: 0,
    ttime: 0,
    mode: 'http',
    ...f,
  };
}

const snapshot = (t: number, rows: Fields[]): StatsSnapshot => ({
  t,
  rows: parseStatsCsv(csv(rows)),
});

describe('parseStatsCsv', () => {
  it('reads HAProxy 2.6 output', () => {
    const rows = parseStatsCsv(REAL);
    expect(rows.map((r) => [r.pxname, r.svname, r.type, r.status])).toEqual([
      ['fe', 'FRONTEND', 'frontend', 'OPEN'],
      ['app', 'web1', 'server', 'no check'],
      ['app', 'web2', 'server', 'UP'],
      ['app', 'web3', 'server', 'UP'],
      ['app', 'web4', 'server', 'DOWN'],
      ['app', 'BACKEND', 'backend', 'UP'],
      ['stats', 'FRONTEND', 'frontend', 'OPEN'],
    ]);
    expect(rows[1]).toEqual<StatsRow>({
      line: 3,
      pxname: 'app',
      svname: 'web1',
      type: 'server',
      status: 'no check',
      weight: 2,
      backup: false,
      stot: 8,
      hrsp5xx: 0,
      eresp: 0,
      qtime: 0,
      ctime: 0,
      rtime: 2,
      ttime: 2,
      mode: 'http',
    });
  });

  it.each([
    {
      name: 'columns in another order, extra and missing optional ones',
      text: csv(
        [server('app', 'a', { stot: 5, rtime: 7 })],
        ['svname', 'rtime', 'pxname', 'made_up', 'stot', 'status', 'weight', 'type'],
      ),
      want: { pxname: 'app', svname: 'a', stot: 5, rtime: 7, hrsp5xx: null, mode: null },
    },
    {
      name: 'no type column: told apart by svname',
      text: csv([server('app', 'a')], ['pxname', 'svname', 'stot', 'status', 'weight']),
      want: { type: 'server' },
    },
    {
      name: 'quoted fields, with commas and doubled quotes',
      text: csv([server('app', 'a', { last_chk: '"HTTP status ""503"", body: down"', stot: 3 })]),
      want: { svname: 'a', stot: 3 },
    },
    {
      name: 'CRLF line ends',
      text: csv([server('app', 'a', { stot: 4 })]).replaceAll('\n', '\r\n'),
      want: { stot: 4 },
    },
    {
      name: 'a backup server',
      text: csv([server('app', 'a', { bck: 1, act: 0 })]),
      want: { backup: true },
    },
  ])('$name', ({ text, want }) => {
    const rows = parseStatsCsv(text);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject(want);
  });

  it.each([
    { name: 'empty text', text: '', error: /^line 1: not a HAProxy stats CSV/ },
    {
      name: 'an HTML stats page',
      text: '<html><head><title>Statistics Report</title>\n',
      error: /^line 1: not a HAProxy stats CSV/,
    },
    {
      name: 'a header without stot',
      text: '# pxname,svname,status,weight\napp,a,UP,1\n',
      error: 'line 1, column stot: missing from the header: not a stats CSV?',
    },
    {
      name: 'a count that is not a number',
      text: csv([server('app', 'a'), server('app', 'b', { stot: '12a' })]),
      error: 'line 3, column stot: expected a whole number, got "12a"',
    },
    {
      name: 'a negative weight',
      text: csv([server('app', 'a', { weight: -1 })]),
      error: 'line 2, column weight: expected a whole number, got "-1"',
    },
    {
      name: 'a server without a weight',
      text: csv([server('app', 'a', { weight: '' })]),
      error: 'line 2, column weight: is empty for a server',
    },
    {
      name: 'an unknown type',
      text: csv([server('app', 'a', { type: 7 })]),
      error: 'line 2, column type: expected 0, 1, 2 or 3, got "7"',
    },
    {
      name: 'a server listed twice',
      text: csv([server('app', 'a'), server('app', 'b'), server('app', 'a')]),
      error: 'line 4, column svname: repeats app/a (first on line 2)',
    },
    {
      name: 'a quote never closed',
      text: csv([server('app', 'a'), server('app', 'b', { last_chk: '"oops' })]),
      error: 'line 3: a quoted field is never closed',
    },
  ])('rejects $name', ({ text, error }) => {
    expect(() => parseStatsCsv(text)).toThrow(error);
  });
});

describe('statsFrame', () => {
  const T0 = 1_715_760_000_000;

  it.each([
    {
      name: 'requests and errors are the growth of stot and hrsp_5xx + eresp',
      before: [server('app', 'a', { stot: 100, hrsp_5xx: 2, eresp: 1 })],
      after: [server('app', 'a', { stot: 160, hrsp_5xx: 5, eresp: 3, rtime: 40 })],
      want: { id: 'app/a', requests: 60, errors: 5 },
    },
    {
      name: 'a reload reset the counters: what is there now is all new',
      before: [server('app', 'a', { stot: 5000, hrsp_5xx: 40 })],
      after: [server('app', 'a', { stot: 30, hrsp_5xx: 1 })],
      want: { requests: 30, errors: 1 },
    },
    {
      name: 'a server the first snapshot did not have counts from zero',
      before: [],
      after: [server('app', 'a', { stot: 12 })],
      want: { requests: 12 },
    },
    {
      name: 'errors never exceed requests (a 5xx that also aborted counts twice)',
      before: [server('app', 'a', { stot: 10 })],
      after: [server('app', 'a', { stot: 12, hrsp_5xx: 2, eresp: 2 })],
      want: { requests: 2, errors: 2 },
    },
    {
      // rtime is a mean over the last 1024 requests: an idle server's stays where it was
      name: 'no requests: no latency, not the mean the CSV still repeats',
      before: [server('app', 'a', { stot: 10, qtime: 1, ctime: 2, rtime: 35 })],
      after: [server('app', 'a', { stot: 10, qtime: 1, ctime: 2, rtime: 35 })],
      want: { requests: 0, errors: 0, latencyMs: null },
    },
    {
      name: 'HTTP latency: queue + connect + response means, as all three percentiles',
      before: [server('app', 'a')],
      after: [server('app', 'a', { stot: 9, qtime: 3, ctime: 1, rtime: 40, ttime: 95 })],
      want: { latencyMs: { p50: 44, p95: 44, p99: 44 } },
    },
    {
      name: 'TCP latency: the whole session (rtime is 0 in TCP)',
      before: [server('db', 'a', { mode: 'tcp' })],
      after: [server('db', 'a', { mode: 'tcp', stot: 9, rtime: 0, ttime: 250 })],
      want: { latencyMs: { p50: 250, p95: 250, p99: 250 } },
    },
    {
      name: 'TCP counts no HTTP responses: empty hrsp_5xx is no errors',
      before: [server('db', 'a', { mode: 'tcp', hrsp_5xx: '' })],
      after: [server('db', 'a', { mode: 'tcp', stot: 9, hrsp_5xx: '', eresp: 1 })],
      want: { requests: 9, errors: 1 },
    },
  ])('$name', ({ before, after, want }) => {
    const frame = statsFrame(snapshot(T0, before), snapshot(T0 + 5000, after));
    expect(frame.samples).toHaveLength(1);
    expect(frame.samples[0]).toMatchObject(want);
  });

  it.each([
    { status: 'UP', up: true, weight: 3 },
    { status: 'UP 1/3', up: true, weight: 3 },
    { status: 'no check', up: true, weight: 3 },
    { status: 'DOWN', up: false, weight: 3 },
    { status: 'DOWN 1/2', up: false, weight: 3 },
    { status: 'MAINT', up: false, weight: 3 },
    { status: 'MAINT(via)', up: false, weight: 3 },
    // draining servers are healthy but take no new balanced requests
    { status: 'DRAIN', up: true, weight: 0 },
    { status: 'NOLB', up: true, weight: 0 },
  ])('status $status: up $up, sharing weight $weight', ({ status, up, weight }) => {
    const rows = [server('app', 'a', { status, weight: 3 })];
    const frame = statsFrame(snapshot(T0, rows), snapshot(T0 + 1000, rows));
    expect(frame.samples[0]).toMatchObject({ up, weight });
  });

  it.each([
    {
      name: 'a backup while an active server is up: weight 0',
      actives: ['UP', 'DOWN'],
      want: [2, 1, 0],
    },
    {
      name: 'a backup when every active server is down: its weight',
      actives: ['DOWN', 'MAINT'],
      want: [2, 1, 4],
    },
  ])('$name', ({ actives, want }) => {
    const rows = [
      server('app', 'a', { status: actives[0]!, weight: 2 }),
      server('app', 'b', { status: actives[1]!, weight: 1 }),
      server('app', 'spare', { bck: 1, act: 0, weight: 4 }),
    ];
    const frame = statsFrame(snapshot(T0, rows), snapshot(T0 + 1000, rows));
    expect(frame.samples.map((s) => s.weight)).toEqual(want);
  });

  it('takes servers only, from every backend, in CSV order, over the real interval', () => {
    const rows = parseStatsCsv(REAL);
    const frame = statsFrame({ t: T0, rows: [] }, { t: T0 + 2003, rows });
    expect(frame.t).toBe(T0 + 2003);
    expect(frame.intervalMs).toBe(2003);
    expect(frame.samples.map((s) => [s.id, s.requests, s.up])).toEqual([
      ['app/web1', 8, true],
      ['app/web2', 14, true],
      ['app/web3', 3, true],
      ['app/web4', 0, false],
    ]);
  });

  it('refuses snapshots out of order', () => {
    const rows = [server('app', 'a')];
    expect(() => statsFrame(snapshot(T0, rows), snapshot(T0, rows))).toThrow(/not in order/);
  });
});

describe('statsServers', () => {
  it('lists every backend server with its pool, label and sharing weight', () => {
    const rows = parseStatsCsv(
      csv([
        { pxname: 'fe', svname: 'FRONTEND', type: 0, status: 'OPEN', stot: 9 },
        server('app', 'web1', { weight: 2 }),
        server('api', 'web1', { status: 'DRAIN' }),
        { pxname: 'app', svname: 'BACKEND', type: 1, status: 'UP', stot: 9, weight: 3 },
      ]),
    );
    expect(statsServers(rows)).toEqual([
      { id: 'app/web1', label: 'web1', pool: 'app', weight: 2 },
      { id: 'api/web1', label: 'web1', pool: 'api', weight: 0 },
    ]);
  });
});
