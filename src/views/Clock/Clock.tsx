import { formatDateTime } from '../../core/format/time-format';
import { useShownMoment } from './use-shown-moment';

/** The header's clock: the moment on screen, in the page's zone; it alone re-renders as it moves. */
export function Clock({ zone }: { zone: string }) {
  const moment = useShownMoment();
  return (
    <span className="clock" data-testid="clock">
      {Number.isNaN(moment) ? '' : formatDateTime(moment, zone)}
    </span>
  );
}
