import { useId } from 'react';
import { describeSwitchOver, type HourPoint } from './switch-over-series';

const HOUR = 3_600_000;
const WIDTH = 640;
const HEIGHT = 180;
const PAD = { top: 12, right: 12, bottom: 26, left: 40 };

// Built on first use: an Intl object costs milliseconds, not worth paying when the module loads.
let hourFormat: Intl.DateTimeFormat | undefined;
let dayHourFormat: Intl.DateTimeFormat | undefined;
export const formatHour = (start: number) =>
  (hourFormat ??= new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })).format(start);
const formatDayHour = (start: number) =>
  (dayHourFormat ??= new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' })).format(
    start,
  );

export interface SwitchOverChartProps {
  points: readonly HourPoint[];
  replacementCreated: number;
}

/**
 * Uses per hour of the old and the new credential, as two lines (dashed and solid, so the colours
 * are not the only difference), with the moment the replacement was created marked. Hand-written
 * SVG coloured from the theme's variables, so it follows dark mode; the sentence under it and a
 * table of the numbers are its text alternative.
 */
export function SwitchOverChart({ points, replacementCreated }: SwitchOverChartProps) {
  const captionId = useId();
  if (points.length === 0) return null;
  const first = points[0]!.start;
  const span = Math.max(HOUR, points[points.length - 1]!.start - first);
  const max = Math.max(1, ...points.map((p) => Math.max(p.old, p.replacement)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (t: number) => PAD.left + ((t - first) / span) * plotW;
  const y = (n: number) => PAD.top + plotH - (n / max) * plotH;
  const line = (pick: (p: HourPoint) => number) => points.map((p) => `${x(p.start).toFixed(1)},${y(pick(p)).toFixed(1)}`).join(' ');
  const labelEvery = Math.max(1, Math.ceil(points.length / 6));
  const ticks = points.filter((_, i) => i % labelEvery === 0);
  const format = span > 24 * HOUR ? formatDayHour : formatHour;
  const createdX = replacementCreated >= first ? x(Math.min(replacementCreated, first + span)) : null;
  const sentence = describeSwitchOver(points, replacementCreated, formatHour);
  const used = points.filter((p) => p.old > 0 || p.replacement > 0);

  return (
    <figure className="switch-chart" aria-labelledby={captionId}>
      <svg
        className="switch-chart__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Uses per hour of the old and the new credential. ${sentence}`}
      >
        <line className="switch-chart__axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} />
        <line className="switch-chart__grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(max)} y2={y(max)} />
        <text className="switch-chart__label" x={PAD.left - 6} y={y(0) + 4} textAnchor="end">
          0
        </text>
        <text className="switch-chart__label" x={PAD.left - 6} y={y(max) + 4} textAnchor="end">
          {max}
        </text>
        {ticks.map((p) => (
          <text key={p.start} className="switch-chart__label" x={x(p.start)} y={HEIGHT - 8} textAnchor="middle">
            {format(p.start)}
          </text>
        ))}
        {createdX !== null && (
          <>
            <line className="switch-chart__marker" x1={createdX} x2={createdX} y1={PAD.top} y2={y(0)} />
            <text className="switch-chart__label" x={createdX + 4} y={PAD.top + 10}>
              replacement created
            </text>
          </>
        )}
        <polyline className="switch-chart__line switch-chart__line--old" points={line((p) => p.old)} />
        <polyline className="switch-chart__line switch-chart__line--new" points={line((p) => p.replacement)} />
      </svg>
      <figcaption id={captionId} className="switch-chart__caption">
        <span className="switch-chart__legend">
          <span className="switch-chart__key switch-chart__key--old" aria-hidden="true" /> old credential{' '}
          <span className="switch-chart__key switch-chart__key--new" aria-hidden="true" /> new credential, uses per hour
        </span>
        <span className="switch-chart__sentence" data-testid="switch-over-sentence">
          {sentence}
        </span>
      </figcaption>
      <details className="switch-chart__numbers">
        <summary>The numbers, per hour</summary>
        {used.length === 0 ? (
          <p className="muted">No uses in this period.</p>
        ) : (
          <table className="table switch-chart__table">
            <caption className="visually-hidden">Uses per hour of the old and the new credential</caption>
            <thead>
              <tr>
                <th scope="col">Hour from</th>
                <th scope="col">Old credential</th>
                <th scope="col">New credential</th>
              </tr>
            </thead>
            <tbody>
              {used.map((p) => (
                <tr key={p.start}>
                  <th scope="row">{formatDayHour(p.start)}</th>
                  <td>{p.old}</td>
                  <td>{p.replacement}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </figure>
  );
}
