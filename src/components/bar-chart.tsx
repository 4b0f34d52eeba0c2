// A small bar chart in hand-written SVG (no charting library: ~2 kB here against ~50 kB for
// uPlot). It is imported only by pages that draw one, so it lands in their route chunks.
// The SVG is one image with a name; the numbers themselves are in the caller's text
// alternative (a sentence and a table), since a screen reader cannot read bars.
import { useId, type ReactNode } from 'react';
import './bar-chart.css';

export interface Bar {
  /** Stable key, e.g. the bucket's start time. */
  key: string;
  value: number;
  /** Shown on hover (SVG <title>), e.g. "Tue 1 Dec: 12 uses". */
  tooltip: string;
}

export interface BarChartProps {
  bars: readonly Bar[];
  /** The accessible name of the image: what the chart shows, in one sentence. */
  label: string;
  /** Under the x axis, first and last bar (e.g. "2 Nov" … "1 Dec"). */
  startLabel?: ReactNode;
  endLabel?: ReactNode;
  /** The top of the y axis as text, e.g. "12 uses". */
  maxLabel?: (max: number) => ReactNode;
  className?: string;
}

const VIEW_HEIGHT = 100;
const BAR_WIDTH = 10;
const GAP = 3;

export function BarChart({ bars, label, startLabel, endLabel, maxLabel, className }: BarChartProps) {
  const labelId = useId();
  const max = bars.reduce((m, bar) => Math.max(m, bar.value), 0);
  const width = Math.max(1, bars.length * (BAR_WIDTH + GAP) - GAP);
  return (
    <div className={className ? `bar-chart ${className}` : 'bar-chart'}>
      {maxLabel && (
        <div className="bar-chart__max" aria-hidden="true">
          {maxLabel(max)}
        </div>
      )}
      <svg
        className="bar-chart__svg"
        viewBox={`0 0 ${width} ${VIEW_HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-labelledby={labelId}
      >
        <title id={labelId}>{label}</title>
        {bars.map((bar, index) => {
          // A day with uses is never drawn shorter than 2 units, so a 1 next to a 10,000 shows.
          const height = max === 0 || bar.value === 0 ? 0 : Math.max(2, (bar.value / max) * VIEW_HEIGHT);
          return (
            <rect
              key={bar.key}
              className="bar-chart__bar"
              x={index * (BAR_WIDTH + GAP)}
              y={VIEW_HEIGHT - height}
              width={BAR_WIDTH}
              height={height}
            >
              <title>{bar.tooltip}</title>
            </rect>
          );
        })}
        <line className="bar-chart__axis" x1={0} x2={width} y1={VIEW_HEIGHT} y2={VIEW_HEIGHT} vectorEffect="non-scaling-stroke" />
      </svg>
      {(startLabel || endLabel) && (
        <div className="bar-chart__x" aria-hidden="true">
          <span>{startLabel}</span>
          <span>{endLabel}</span>
        </div>
      )}
    </div>
  );
}
