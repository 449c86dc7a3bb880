import { expect, it } from 'vitest';
import { getStringCacheStats } from 'recharts/es6/util/DOMUtils';
import { LABEL_SIZES_KEPT } from './text-measure-cache';

it("caps recharts' cache of label sizes at what a screen shows, not 2,000 names", () => {
  expect(getStringCacheStats().maxSize).toBe(LABEL_SIZES_KEPT);
});
