import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ENVOY_PRESET,
  HAPROXY_PRESET,
  ISTIO_PRESET,
  PRESETS,
  presetQueries,
} from '../core/sources/prometheus/presets';
import { UsageError } from './command-line/usage-error';
import {
  checkPresetFlags,
  chosenPreset,
  parseQueriesFile,
  readQueriesFile,
} from './prometheus-preset-option';

describe('chosenPreset', () => {
  it.each([
    { flags: {}, preset: HAPROXY_PRESET },
    { flags: { preset: 'haproxy' }, preset: HAPROXY_PRESET },
    { flags: { preset: 'envoy' }, preset: ENVOY_PRESET },
    { flags: { preset: 'istio' }, preset: ISTIO_PRESET },
  ])('$flags -> $preset.name', ({ flags, preset }) => {
    expect(chosenPreset(flags)).toBe(preset);
  });

  it.each([
    {
      flags: { preset: 'nope' },
      says: '--preset "nope": unknown preset; use haproxy, envoy or istio',
    },
    // not a preset, though every object has one
    { flags: { preset: 'constructor' }, says: '--preset "constructor": unknown preset' },
    {
      flags: { preset: 'istio', queries: 'q.json' },
      says: "--queries does not go with --preset: the file's queries replace a preset",
    },
  ])('refuses $flags', ({ flags, says }) => {
    expect(() => chosenPreset(flags)).toThrow(UsageError);
    expect(() => chosenPreset(flags)).toThrow(says);
  });
});

describe('checkPresetFlags', () => {
  it.each([
    { flags: { preset: 'envoy' }, kind: 'sim', says: '--preset goes with --source prometheus' },
    { flags: { queries: 'q.json' }, kind: 'haproxy', says: 'not a haproxy: source' },
  ])('$flags with $kind: refused', ({ flags, kind, says }) => {
    expect(() => checkPresetFlags(flags, kind)).toThrow(says);
  });

  it('nothing to refuse without either flag, or with a prometheus: source', () => {
    expect(() => checkPresetFlags({}, 'sim')).not.toThrow();
    expect(() => checkPresetFlags({ preset: 'istio' }, 'prometheus')).not.toThrow();
  });
});

describe('--queries FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'skewboard-queries-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file into a preset named after it', () => {
    const path = join(dir, 'mine.json');
    writeFileSync(
      path,
      JSON.stringify({ serverLabel: 'pod', poolLabel: 'app', requests: 'sum by (app, pod) (r)' }),
    );
    expect(readQueriesFile(path)).toMatchObject({
      name: `--queries ${path}`,
      queries: { requests: 'sum by (app, pod) (r)' },
      latency: 'none',
    });
  });

  it.each([
    {
      text: '{"serverLabel": "pod", "poolLabel": "app", "requests": "r", "eror": "e"}',
      says: '--queries typo.json: eror: unknown key; expected one of serverLabel, poolLabel, requests, errors, weight, up, latency',
    },
    { text: '{"serverLabel": ', says: '--queries typo.json: not valid JSON' },
  ])('a typo names the file and the key: $says', ({ text, says }) => {
    expect(() => parseQueriesFile(text, 'typo.json')).toThrow(UsageError);
    expect(() => parseQueriesFile(text, 'typo.json')).toThrow(says);
  });

  it('a missing file is named', () => {
    expect(() => readQueriesFile(join(dir, 'absent.json'))).toThrow(/absent\.json: no such file$/);
  });
});

describe('README', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  it.each(Object.keys(PRESETS))(
    'shows every query of --preset %s as the gateway sends it',
    (name) => {
      for (const [, query] of presetQueries(PRESETS[name]!))
        expect(readme).toContain(`\`${query}\``);
    },
  );
});
