import { offsetLabel, zoneOffsetMinutes } from '../../core/format/time-format';
import { useShownMoment } from '../Clock';
import { useDashboard, useDashboardStore } from '../store-context';

const LOADED_AT = Date.now();
// read once: Intl.DateTimeFormat() costs a millisecond, and this renders on every replay seek
const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Incident zone, UTC or this browser's zone; the choice goes into the URL (?tz=). */
export function ZoneSwitch({ zone }: { zone: string }) {
  const store = useDashboardStore();
  const at = useShownMoment();
  const incident = useDashboard((s) => s.source?.tz);
  const chosen = useDashboard((s) => s.displayZone);
  const documentZone = useDashboard((s) => s.lastImport?.tz);
  // before the first frame the offset of any recent day will do
  const when = Number.isNaN(at) ? LOADED_AT : at;
  const label = (tz: string) => offsetLabel(zoneOffsetMinutes(when, tz));
  const options: { value: string; text: string }[] = [
    ...(incident ? [{ value: '', text: `incident (${label(incident)})` }] : []),
    ...(documentZone && documentZone !== incident
      ? [{ value: documentZone, text: `postmortem (${label(documentZone)})` }]
      : []),
    { value: 'UTC', text: 'UTC' },
    { value: BROWSER_ZONE, text: `this browser: ${BROWSER_ZONE} (${label(BROWSER_ZONE)})` },
  ];
  // one entry per zone: the document's may be UTC or this browser's already
  const unique = options.filter((o, i) => options.findIndex((x) => x.value === o.value) === i);
  if (chosen !== undefined && !unique.some((o) => o.value === chosen)) {
    unique.push({ value: chosen, text: `${chosen} (${label(zone)})` });
  }
  const choose = (value: string) => {
    store.getState().setDisplayZone(value === '' ? undefined : value);
    const url = new URL(window.location.href);
    if (value === '') url.searchParams.delete('tz');
    else url.searchParams.set('tz', value);
    window.history.replaceState(null, '', url);
  };
  return (
    <label className="zone-switch">
      <span className="sr-only">Time zone</span>
      <select
        data-testid="zone"
        value={chosen ?? (incident ? '' : 'UTC')}
        onChange={(e) => choose(e.target.value)}
      >
        {unique.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </label>
  );
}
