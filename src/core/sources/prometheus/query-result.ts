/**
 * The answer of Prometheus' `GET /api/v1/query` (HTTP API, "Instant queries") read strictly:
 * an instant vector of labelled values, or an Error saying what Prometheus or the JSON got wrong.
 */

/** One series of an instant vector: its labels and its value at the query's time. */
export interface VectorSample {
  labels: Readonly<Record<string, string>>;
  value: number;
}

/** Far beyond any fleet; a bigger answer is a wrong query, not a fleet to draw. */
export const MAX_SERIES = 20_000;

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * The series of an instant-vector answer. Prometheus' own errors (`status: "error"`) come back
 * with its `errorType` and `error`, which name the fault in the PromQL.
 */
export function parseInstantVector(body: unknown): VectorSample[] {
  if (!isRecord(body)) throw new Error('not a Prometheus API answer: not a JSON object');
  if (body.status === 'error') {
    const type = typeof body.errorType === 'string' ? `${body.errorType}: ` : '';
    const error = typeof body.error === 'string' ? body.error.slice(0, 500) : 'no reason given';
    throw new Error(`Prometheus refused the query: ${type}${error}`);
  }
  if (body.status !== 'success') throw new Error('not a Prometheus API answer: no status');
  const data = body.data;
  if (!isRecord(data) || data.resultType !== 'vector' || !Array.isArray(data.result)) {
    const got = isRecord(data) ? JSON.stringify(data.resultType) : 'no data';
    throw new Error(`expected an instant vector, got resultType ${got}`);
  }
  if (data.result.length > MAX_SERIES) {
    throw new Error(`${data.result.length} series, more than the ${MAX_SERIES} taken`);
  }
  const out: VectorSample[] = [];
  data.result.forEach((item: unknown, i) => {
    if (!isRecord(item) || !isRecord(item.metric) || !Array.isArray(item.value)) {
      throw new Error(`result[${i}]: expected { metric, value: [time, "number"] }`);
    }
    const labels: Record<string, string> = {};
    for (const [name, v] of Object.entries(item.metric)) {
      if (typeof v !== 'string') throw new Error(`result[${i}]: label ${name} is not a string`);
      labels[name] = v;
    }
    const raw: unknown = item.value[1];
    if (typeof raw !== 'string') throw new Error(`result[${i}]: value is not a string`);
    const value = Number(raw);
    // NaN (no requests yet: a mean over nothing) and ±Inf say nothing a frame can carry
    if (raw.trim() === '' || !Number.isFinite(value)) return;
    out.push({ labels, value });
  });
  return out;
}
