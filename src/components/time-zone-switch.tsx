import { setTimeZoneChoice, useTimeZone } from './use-time-zone';

/** Header toggle between the browser's time zone and UTC for every time shown. */
export function TimeZoneSwitch() {
  const zone = useTimeZone();
  return (
    <button
      type="button"
      className="btn btn--ghost btn--sm time-zone-switch"
      aria-pressed={zone === 'utc'}
      title={zone === 'utc' ? 'Times are shown in UTC' : 'Times are shown in your time zone'}
      onClick={() => setTimeZoneChoice(zone === 'utc' ? 'local' : 'utc')}
    >
      Times in UTC
    </button>
  );
}
