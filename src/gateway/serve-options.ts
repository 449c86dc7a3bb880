/**
 * What `skewboard serve` takes: the one table its parsing and its `--help` come from.
 */
import type { CommandSpec, OptionValues } from './command-line/option-table';
import { RECORD_OPTIONS } from './recording/record-plan';

export const SERVE_OPTIONS = {
  source: {
    type: 'string',
    placeholder: 'S',
    default: 'sim:lb-misconfig',
    help: 'sim:<scenario>, replay:<file>, haproxy:<stats CSV URL>, prometheus:<base URL>',
  },
  preset: {
    type: 'string',
    placeholder: 'NAME',
    help: 'haproxy (the default), envoy or istio: whose series a prometheus: source reads',
  },
  queries: {
    type: 'string',
    placeholder: 'FILE',
    help: 'JSON of your own PromQL for a prometheus: source, instead of --preset',
  },
  interval: {
    type: 'string',
    placeholder: 'D',
    kind: 'duration',
    default: '5s',
    help: 'how often a prometheus: or haproxy: source is read, e.g. 1s',
  },
  host: {
    type: 'string',
    placeholder: 'H',
    default: '0.0.0.0',
    help: 'the address to listen on; 127.0.0.1: this machine only',
  },
  port: {
    type: 'string',
    placeholder: 'N',
    kind: 'port',
    default: '8080',
    // -p is --port in most servers' command lines, not --preset
    preferredGuess: true,
    help: 'the port of the page, the API and Socket.IO; 0: any free one',
  },
  token: {
    type: 'string',
    placeholder: 'T',
    help: 'a client needs this token to read (or set SKEWBOARD_TOKEN)',
  },
  'write-token': {
    type: 'string',
    placeholder: 'T',
    help: 'a client needs this token to add notes (or set SKEWBOARD_WRITE_TOKEN)',
  },
  config: {
    type: 'string',
    placeholder: 'FILE',
    help: "JSON overrides of the detector's defaults, as analyze takes them",
  },
  ...RECORD_OPTIONS,
  data: {
    type: 'string',
    placeholder: 'DIR',
    default: 'data',
    help: 'where the notes and the recordings folder are kept',
  },
  speed: {
    type: 'string',
    placeholder: 'X',
    kind: 'number',
    min: 0.001,
    default: '1',
    help: 'play the simulator or a replay X times faster',
  },
  seed: {
    type: 'string',
    placeholder: 'N',
    kind: 'number',
    help: "the simulator's random seed, for a run that repeats",
  },
  'allow-origin': {
    type: 'string',
    placeholder: 'ORIGIN',
    multiple: true,
    help: 'let a page from ORIGIN connect, e.g. http://localhost:5173',
  },
  'allow-frame': { type: 'boolean', help: 'let other sites put the page in a frame' },
  alertmanager: {
    type: 'string',
    placeholder: 'URL',
    help: 'send every alert to this Alertmanager (its base URL, e.g. http://127.0.0.1:9093)',
  },
  webhook: {
    type: 'string',
    placeholder: 'URL',
    help: "post each alert transition to URL as Alertmanager's webhook JSON",
  },
  'external-url': {
    type: 'string',
    placeholder: 'URL',
    help: "the page's address in an alert's link (default http://<this host's name>:<port>/)",
  },
  redis: {
    type: 'string',
    placeholder: 'URL',
    help: 'join the gateways sharing this Redis as one cluster, e.g. redis://127.0.0.1:6379',
  },
  'log-format': {
    type: 'string',
    placeholder: 'F',
    default: 'text',
    help: 'text, or json: one JSON object a line with time, level and msg',
  },
} as const;

export type ServeOptions = OptionValues<typeof SERVE_OPTIONS>;

export const SERVE_SPEC: CommandSpec<typeof SERVE_OPTIONS> = {
  name: 'serve',
  summary: 'the gateway and the dashboard page on one port',
  operands: [],
  options: SERVE_OPTIONS,
  notes: [
    'sources: sim:<scenario> (sim:lb-misconfig is the 2024-05-15 incident), replay:<recording',
    '         file, plain or .gz, played as if live at --speed>, haproxy:<stats CSV URL>,',
    "         prometheus:<base URL, e.g. http://prometheus:9090> read with --preset (HAProxy's",
    '         exporter unless said) or --queries FILE',
    'records to <data>/recordings unless --record FILE or --no-record; tokens given in the',
    'environment do not show in ps; listening off loopback without --token is warned about.',
  ],
};
