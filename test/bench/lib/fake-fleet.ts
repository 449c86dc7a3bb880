/**
 * A fleet of N servers in one HAProxy backend, as both live sources read it, for the poll
 * benchmark: Prometheus' `GET /api/v1/query` answering the haproxy preset's queries (shaped as
 * Prometheus 2.42 answers them), and HAProxy 2.6's stats CSV. Run as a child process, so what
 * serving costs is not counted as the gateway's:
 *
 *   node --import tsx test/bench/lib/fake-fleet.ts <servers>    (prints "listening <port>")
 *
 * Counters grow with time, each server at its own rate, so two polls make a real frame.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HAPROXY_PRESET, type QueryName } from '../../../src/core/sources/prometheus/presets';

const SERVERS = Number(process.argv[2] ?? 500);
const names = Array.from({ length: SERVERS }, (_, i) => `web-${String(i + 1).padStart(3, '0')}`);
const started = Date.now();

// 20 to 29 requests a second per server, one in 200 a 5xx
const requestsAt = (i: number, tMs: number) =>
  1000 + Math.floor(((tMs - started) / 1000) * (20 + (i % 10)));
const errorsAt = (i: number, tMs: number) => Math.floor(requestsAt(i, tMs) / 200);

function value(query: QueryName, i: number, tMs: number): string {
  switch (query) {
    case 'requests':
      return String(requestsAt(i, tMs));
    case 'errors':
      return String(errorsAt(i, tMs));
    case 'weight':
    case 'up':
      return '1';
    case 'latencyMean':
      return (0.01 + (i % 5) / 1000).toFixed(3);
    default:
      // quantile queries: not in the haproxy preset this fake answers for
      throw new Error(`no fake series for the ${query} query`);
  }
}

const byQuery = new Map(
  Object.entries(HAPROXY_PRESET.queries).map(([name, q]) => [q, name as QueryName]),
);

/** An instant vector as Prometheus gives it for `sum by (proxy, server) (...)`. */
function vector(query: QueryName, tS: number): string {
  return JSON.stringify({
    status: 'success',
    data: {
      resultType: 'vector',
      result: names.map((server, i) => ({
        metric: { proxy: 'app', server },
        value: [tS, value(query, i, tS * 1000)],
      })),
    },
  });
}

// HAProxy 2.6's header and rows (from src/core/sources/haproxy-stats.test.ts), every server filled in
// as a checked HTTP server is, so the CSV is as wide as the real one
const HEADER =
  '# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,weight,act,bck,chkfail,chkdown,lastchg,downtime,qlimit,pid,iid,sid,throttle,lbtot,tracked,type,rate,rate_lim,rate_max,check_status,check_code,check_duration,hrsp_1xx,hrsp_2xx,hrsp_3xx,hrsp_4xx,hrsp_5xx,hrsp_other,hanafail,req_rate,req_rate_max,req_tot,cli_abrt,srv_abrt,comp_in,comp_out,comp_byp,comp_rsp,lastsess,last_chk,last_agt,qtime,ctime,rtime,ttime,agent_status,agent_code,agent_duration,check_desc,agent_desc,check_rise,check_fall,check_health,agent_rise,agent_fall,agent_health,addr,cookie,mode,algo,conn_rate,conn_rate_max,conn_tot,intercepted,dcon,dses,wrew,connect,reuse,cache_lookups,cache_hits,srv_icur,src_ilim,qtime_max,ctime_max,rtime_max,ttime_max,eint,idle_conn_cur,safe_conn_cur,used_conn_cur,need_conn_est,uweight,agg_server_status,agg_server_check_status,agg_check_status,-,ssl_sess,ssl_reused_sess,ssl_failed_handshake,h2_headers_rcvd,h2_data_rcvd,h2_settings_rcvd,h2_rst_stream_rcvd,h2_goaway_rcvd,h2_detected_conn_protocol_errors,h2_detected_strm_protocol_errors,h2_rst_stream_resp,h2_goaway_resp,h2_open_connections,h2_backend_open_streams,h2_total_connections,h2_backend_total_streams,h1_open_connections,h1_open_streams,h1_total_connections,h1_total_streams,h1_bytes_in,h1_bytes_out,h1_spliced_bytes_in,h1_spliced_bytes_out,';
const FRONTEND =
  'fe,FRONTEND,,,0,2,256,21,2175,2725,0,0,0,,,,,OPEN,,,,,,,,,1,1,0,,,,0,21,0,21,,,,0,25,0,0,0,0,,25,25,25,,,0,0,0,0,,,,,,,,,,,,,,,,,,,,,http,,21,21,21,0,0,0,0,,,0,0,,,,,,,0,,,,,,,,,-,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,21,25,2140,3070,0,0,';
const SERVER =
  'app,web2,0,0,0,1,,14,1269,1526,,0,,0,0,0,0,UP,1,1,0,0,0,2,0,,1,2,2,,4,,2,14,,14,L4OK,,0,0,14,0,0,0,0,,,,14,0,0,,,,,0,,,0,0,1,1,,,,Layer4 check passed,,2,3,4,,,,,,http,,,,,,,,0,13,1,,,2,,0,0,1,1,0,1,1,0,1,1,,,,-,0,0,0,,,,,,,,,,,,,,,,,,,,,,';
const BACKEND =
  'app,BACKEND,0,0,0,1,26,25,2175,2725,0,0,,0,0,0,0,UP,4,3,0,,0,2,0,,1,2,0,,15,,1,25,,25,,,,0,25,0,0,0,0,,,,25,0,0,0,0,0,0,0,,,0,0,1,1,,,,,,,,,,,,,,http,,,,,,,,0,21,4,0,0,,,0,0,6,6,0,,,,,4,0,0,0,-,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,0,21,25,3250,1980,0,0,';
const column = new Map(
  HEADER.slice(2)
    .split(',')
    .map((name, i) => [name, i] as const),
);

function statsCsv(tMs: number): string {
  const template = SERVER.split(',');
  const rows = names.map((svname, i) => {
    const requests = requestsAt(i, tMs);
    const errors = errorsAt(i, tMs);
    const fields = [...template];
    const set = (name: string, v: string | number) => (fields[column.get(name)!] = String(v));
    set('svname', svname);
    set('sid', i + 1);
    set('stot', requests);
    set('lbtot', requests);
    set('hrsp_2xx', requests - errors);
    set('hrsp_5xx', errors);
    set('bin', requests * 90);
    set('bout', requests * 110);
    set('rtime', 10 + (i % 5));
    set('ttime', 11 + (i % 5));
    return fields.join(',');
  });
  return [HEADER, FRONTEND, ...rows, BACKEND, ''].join('\n');
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://fleet');
  if (url.pathname === '/api/v1/query') {
    const query = byQuery.get(url.searchParams.get('query') ?? '');
    const time = Number(url.searchParams.get('time') ?? Date.now() / 1000);
    res.setHeader('content-type', 'application/json');
    if (query === undefined) {
      res.statusCode = 400;
      res.end(
        '{"status":"error","errorType":"bad_data","error":"not a query of the haproxy preset"}',
      );
      return;
    }
    res.end(vector(query, time));
  } else if (url.pathname === '/stats;csv') {
    res.setHeader('content-type', 'text/plain');
    res.end(statsCsv(Date.now()));
  } else {
    res.statusCode = 404;
    res.end();
  }
});
server.listen(0, '127.0.0.1', () => {
  console.log(`listening ${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
