/**
 * recharts measures each axis label once and keeps its size in a cache of 2,000 labels. On a wall
 * whose fleet churns, a server's name is never seen again once it is replaced, so that cache
 * fills for days with names long gone: in the week-soak it still grew on day 3, at 2,000 names.
 * The bars show at most 60 names and a few ticks, in the desk's or the wall's size: 200 keeps
 * every label on screen measured and is full within hours.
 */
import { configureTextMeasurement } from 'recharts/es6/util/DOMUtils';

export const LABEL_SIZES_KEPT = 200;

configureTextMeasurement({ cacheSize: LABEL_SIZES_KEPT });
