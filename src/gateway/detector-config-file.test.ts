import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../core/detector';
import {
  DetectorConfigError,
  parseDetectorConfig,
  readDetectorConfig,
} from './detector-config-file';

const dir = mkdtempSync(join(tmpdir(), 'skewboard-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The message of what `read` throws. */
const errorOf = (read: () => unknown) => {
  try {
    read();
  } catch (err) {
    expect(err).toBeInstanceOf(DetectorConfigError);
    return (err as Error).message;
  }
  throw new Error('read nothing wrong');
};

describe('parseDetectorConfig', () => {
  it('returns a valid partial config, which the detector lays over its defaults', () => {
    const overrides = parseDetectorConfig('{"shareSkew": {"factor": 2}}', 'team.json');
    expect(overrides).toEqual({ shareSkew: { factor: 2 } });
    expect(resolveConfig(overrides).shareSkew).toMatchObject({ factor: 2, minZ: 5 });
  });

  it.each([
    {
      text: '{"shareSkew": {"minz": 9}}',
      error: /^--config team\.json: config\.shareSkew\.minz: unknown key; expected one of .*minZ/,
    },
    {
      text: '{"latency": {"factor": "x"}}',
      error:
        /^--config team\.json: config\.latency\.factor: expected a finite number >= 0, got the string "x"$/,
    },
    {
      text: '{"errors": {"absoluteRate": 20}}',
      error: /^--config team\.json: config\.errors\.absoluteRate: must be in \[0, 1\], got 20$/,
    },
    // fine alone, but the default factor is 3
    {
      text: '{"latency": {"clearFactor": 4}}',
      error: /^--config team\.json: config\.latency\.clearFactor: must be <= factor, got 4 > 3$/,
    },
    { text: '{"latency": ', error: /^--config team\.json: not valid JSON \(.+\)$/ },
  ])('refuses $text, naming the file and the key', ({ text, error }) => {
    expect(errorOf(() => parseDetectorConfig(text, 'team.json'))).toMatch(error);
  });
});

describe('readDetectorConfig', () => {
  it('reads no overrides when there is no file', () => {
    expect(readDetectorConfig(undefined)).toEqual({});
  });

  it('reads the file at the path', () => {
    const path = join(dir, 'ok.json');
    writeFileSync(path, '{"windowMs": 30000, "serverDown": {"fireAfterMs": 0}}');
    expect(readDetectorConfig(path)).toEqual({ windowMs: 30000, serverDown: { fireAfterMs: 0 } });
  });

  it.each([
    { name: 'a missing file', path: join(dir, 'nope.json'), error: 'no such file' },
    { name: 'a directory', path: dir, error: 'cannot read it (EISDIR)' },
  ])('refuses $name, naming it', ({ path, error }) => {
    expect(errorOf(() => readDetectorConfig(path))).toBe(`--config ${path}: ${error}`);
  });

  it('refuses a file too big to be a config without parsing it', () => {
    const path = join(dir, 'big.json');
    writeFileSync(path, `{"windowMs": 30000${' '.repeat(2 << 20)}}`);
    expect(errorOf(() => readDetectorConfig(path))).toMatch(/^--config .*big\.json: larger than/);
  });
});
