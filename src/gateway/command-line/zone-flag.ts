/** A `--tz` flag checked as the timeline reader reads zones: a usage error names what is wrong. */
import { readZoneName } from '../../core/timeline/zones';
import { UsageError } from './usage-error';

export function checkedZone(tz: string | undefined): string | undefined {
  if (tz === undefined) return undefined;
  const zone = readZoneName(tz);
  if (!zone || 'error' in zone) {
    const why = zone && 'error' in zone ? zone.error : `unknown time zone ${JSON.stringify(tz)}`;
    throw new UsageError(`--tz: ${why} (an IANA name such as America/New_York, or +HH:MM)`);
  }
  return tz;
}
