import { memo, useMemo } from 'react';
import type { Annotation } from '../../core/protocol/protocol';
import { formatClock } from '../../core/format/time-format';
import { ANNOTATION_STYLE } from '../annotation-style';
import type { MarkerGroup } from '../Heatmap/marker-groups';
import { useDashboard } from '../store-context';
import { overviewEvents, overviewFlags, spanFraction } from './overview-marks';

/** titles listed in a joined flag's tooltip */
const GROUP_TITLES = 5;
/** the episodes while the detector runs: one array, so memoised lists are not redone */
const NO_EPISODES: readonly Annotation[] = [];

interface OverviewFlagsProps {
  episodes: readonly Annotation[] | undefined;
  from: number;
  to: number;
  cursor: number;
  /** a flag's width, as a fraction of the strip's */
  flagWidth: number;
  tz: string;
}

/** Every note and alert of the recording as a flag, from the start; those past the cursor dimmed. */
export function OverviewFlags({
  episodes = NO_EPISODES,
  from,
  to,
  cursor,
  flagWidth,
  tz,
}: OverviewFlagsProps) {
  const annotations = useDashboard((s) => s.annotations);
  const events = useMemo(() => overviewEvents(annotations, episodes), [annotations, episodes]);
  const flags = useMemo(
    () => overviewFlags(events, from, to, flagWidth),
    [events, from, to, flagWidth],
  );
  return (
    <>
      {flags.map((f) => (
        <Flag
          key={events[f.start]!.id}
          flag={f}
          events={events}
          left={spanFraction(f.t, from, to)}
          after={f.t > cursor}
          tz={tz}
        />
      ))}
    </>
  );
}

interface FlagProps {
  flag: MarkerGroup;
  events: readonly Annotation[];
  left: number;
  after: boolean;
  tz: string;
}

const Flag = memo(function Flag({ flag, events, left, after, tz }: FlagProps) {
  const members = events.slice(flag.start, flag.start + flag.count);
  const first = members[0]!;
  const style = flag.kind === undefined ? undefined : ANNOTATION_STYLE[flag.kind];
  const colour = style?.colour ?? '#90a4ae';
  const line = (a: Annotation) =>
    `${formatClock(a.t, tz)} ${ANNOTATION_STYLE[a.kind].label}: ${a.title}`;
  const title =
    flag.count === 1
      ? line(first)
      : [
          `${flag.count} events`,
          ...members.slice(0, GROUP_TITLES).map(line),
          ...(flag.count > GROUP_TITLES ? [`and ${flag.count - GROUP_TITLES} more`] : []),
        ].join('\n');
  return (
    <span
      className={after ? 'overview-flag after-cursor' : 'overview-flag'}
      data-testid="overview-flag"
      data-annotation-id={first.id}
      data-t={flag.t}
      data-count={flag.count}
      data-after-cursor={after}
      role="img"
      aria-label={title}
      title={title}
      style={{ left: `${left * 100}%`, borderColor: colour }}
    >
      <span className="overview-flag-head" style={{ background: colour }}>
        {flag.count > 1 ? (flag.count > 9 ? '9+' : flag.count) : (style?.icon ?? '•')}
      </span>
    </span>
  );
});
