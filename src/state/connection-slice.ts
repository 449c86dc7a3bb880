import type { StateCreator } from 'zustand/vanilla';
import { DEFAULT_CONFIG } from '../core/detector/config';
import { latencyWords, type LatencyWords } from '../core/format/latency-words';
import type { Hello } from '../core/protocol/protocol';

/** CONTRACT section 4: the `connection` badge's states. */
export type ConnectionState =
  'connecting' | 'live' | 'reconnecting' | 'stale' | 'offline' | 'replay';

/** Where the live gateway is and the token to present to it (kept out of every URL). */
export interface GatewayAccess {
  /** gateway origin; undefined = the page's own */
  url?: string;
  token?: string;
}

export interface ConnectionSlice {
  connection: ConnectionState;
  /** why the connection is not live, in words, when there is a reason */
  connectionDetail: string | undefined;
  /** wall-clock ms since which no data has come (the last frame's arrival); undefined when live */
  quietSince: number | undefined;
  /** the newest hello's description of the source */
  source:
    | Pick<Hello, 'source' | 'mode' | 'intervalMs' | 'tz' | 'speed' | 'shareWindowMs' | 'latency'>
    | undefined;
  /** what the gateway's source answers that leaves the page empty (a query with no series) */
  sourceNotice: string | undefined;
  setSourceNotice: (notice: string | undefined) => void;
  /** the live gateway, when the page follows one */
  gateway: GatewayAccess | undefined;
  /** `since`: when data stopped coming, if known better than now (the last frame's arrival) */
  setConnection: (state: ConnectionState, detail?: string, since?: number) => void;
  setGateway: (gateway: GatewayAccess | undefined) => void;
  setSource: (hello: Hello) => void;
  /** stops the live feed, when there is one (a recording is opened instead) */
  stopLiveFeed: (() => void) | undefined;
  setStopLiveFeed: (stop: (() => void) | undefined) => void;
}

export const createConnectionSlice: StateCreator<ConnectionSlice> = (set) => ({
  connection: 'connecting',
  connectionDetail: undefined,
  quietSince: undefined,
  source: undefined,
  sourceNotice: undefined,
  setSourceNotice: (sourceNotice) => set({ sourceNotice }),
  gateway: undefined,
  setConnection: (connection, connectionDetail, since) =>
    set((s) => ({
      connection,
      connectionDetail,
      // the first moment of a quiet spell stays through reconnecting, offline and stale
      quietSince:
        connection === 'live' || connection === 'replay'
          ? undefined
          : (s.quietSince ?? since ?? Date.now()),
    })),
  setGateway: (gateway) => set({ gateway }),
  stopLiveFeed: undefined,
  setStopLiveFeed: (stopLiveFeed) => set({ stopLiveFeed }),
  setSource: ({ source, mode, intervalMs, tz, speed, shareWindowMs, latency }) =>
    set({ source: { source, mode, intervalMs, tz, speed, shareWindowMs, latency } }),
});

/** What the page calls the latency it shows: "mean latency" when the source only knows a mean. */
export const selectLatencyWords = (s: Pick<ConnectionSlice, 'source'>): LatencyWords =>
  latencyWords(s.source?.latency);

/**
 * The window every share on the page is taken over: the gateway's detector's when it says
 * (its `--config` may change it), else the page's own detector's.
 */
export const selectShareWindowMs = (s: Pick<ConnectionSlice, 'source'>): number =>
  s.source?.shareWindowMs ?? DEFAULT_CONFIG.windowMs;
