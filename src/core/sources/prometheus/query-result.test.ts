import { describe, expect, it } from 'vitest';
import { vectorAnswer } from './fixtures';
import { MAX_SERIES, parseInstantVector } from './query-result';

const one = (value: unknown, metric: unknown = { proxy: 'app', server: 'web1' }) =>
  vectorAnswer([{ metric, value: [1764693600.5, value] }]);

describe('parseInstantVector', () => {
  it.each([
    { body: one('42'), expected: [{ labels: { proxy: 'app', server: 'web1' }, value: 42 }] },
    {
      body: one('0.0125'),
      expected: [{ labels: { proxy: 'app', server: 'web1' }, value: 0.0125 }],
    },
    // a mean over no requests, and infinities: nothing to show
    { body: one('NaN'), expected: [] },
    { body: one('+Inf'), expected: [] },
    { body: one(''), expected: [] },
    { body: vectorAnswer([]), expected: [] },
  ])('$body.data.result.0.value.1 -> $expected', ({ body, expected }) => {
    expect(parseInstantVector(body)).toEqual(expected);
  });

  it.each([
    {
      body: { status: 'error', errorType: 'bad_data', error: 'parse error at char 5' },
      says: 'Prometheus refused the query: bad_data: parse error at char 5',
    },
    { body: 'hello', says: 'not a JSON object' },
    { body: { status: 'ok' }, says: 'no status' },
    {
      body: { status: 'success', data: { resultType: 'matrix', result: [] } },
      says: 'expected an instant vector, got resultType "matrix"',
    },
    { body: one(42), says: 'result[0]: value is not a string' },
    { body: one('1', { server: 3 }), says: 'result[0]: label server is not a string' },
    { body: vectorAnswer([{ metric: {} }]), says: 'result[0]: expected { metric, value' },
    {
      body: vectorAnswer(Array.from({ length: MAX_SERIES + 1 }, () => ({}))),
      says: `more than the ${MAX_SERIES} taken`,
    },
  ])('refuses: $says', ({ body, says }) => {
    expect(() => parseInstantVector(body)).toThrow(says);
  });
});
