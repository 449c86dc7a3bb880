/**
 * What a gateway taking over the detector must send so the alerts it inherits stay true: the
 * alerts the previous one said were firing and its own caught-up detector no longer sees are
 * resolved, and those it sees that nobody announced fire. An alert both agree on sends nothing,
 * so a takeover neither pages twice nor leaves an alert firing for ever.
 */
import type { AlertPayload } from '../protocol/protocol';

export function handoverTransitions(
  /** the alerts the cluster said were firing, by the previous holder */
  announced: readonly AlertPayload[],
  /** the alerts the new holder's detector finds firing after catching up on the same frames */
  found: readonly AlertPayload[],
  /** the time of the last frame both have seen */
  t: number,
): AlertPayload[] {
  const foundIds = new Set(found.map((a) => a.id));
  const announcedIds = new Set(announced.map((a) => a.id));
  return [
    ...announced
      .filter((a) => !foundIds.has(a.id))
      .map((a): AlertPayload => ({ ...a, state: 'resolved', t: Math.max(t, a.t) })),
    ...found.filter((a) => !announcedIds.has(a.id)),
  ];
}
