/**
 * What a cluster of gateways keeps in Redis (`serve --redis`), under one prefix:
 * - `lease`: the id of the gateway that runs the source, set-if-absent with an expiry;
 * - `stream`: every frame, hello, alert, annotation and source status, in order, capped to the
 *   resume buffer; every gateway serves its viewers from it;
 * - `numbering`: the id clients resume in (`hello.gatewayId`), one for the whole cluster;
 * - `hello`, `annotations`, `alerts`: the newest hello, every annotation, and the alerts firing,
 *   for a gateway that joins after the stream has dropped them.
 */
export interface ClusterKeys {
  lease: string;
  stream: string;
  numbering: string;
  hello: string;
  annotations: string;
  alerts: string;
}

export const clusterKeys = (prefix = 'skewboard:'): ClusterKeys => ({
  lease: `${prefix}lease`,
  stream: `${prefix}stream`,
  numbering: `${prefix}numbering`,
  hello: `${prefix}hello`,
  annotations: `${prefix}annotations`,
  alerts: `${prefix}alerts`,
});
