import { useId } from 'react';
import './bar-chart.css';

/** One coloured part of a bar. */
export interface BarSegment {
  name: string;
  value: number;
  color: string;
}

/** One bar: its label and its parts (a single part for a plain bar chart). */
export interface BarRow {
  label: string;
  segments: BarSegment[];
}

interface Props {
  title: string;
  rows: readonly BarRow[];
  /** Shown instead of the chart when every value is zero. */
  emptyText: string;
  /** Legend entries (for stacked bars); omitted for a plain chart. */
  legend?: readonly { name: string; color: string }[];
  testId?: string;
}

const WIDTH = 640;
const VALUE_SPACE = 48;
const ROW_HEIGHT = 44;
const BAR_HEIGHT = 16;
const MAX_LABEL = 72;

function clip(text: string): string {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

/**
 * A horizontal bar chart in plain SVG (no chart library: a few rectangles do the job and keep the bundle small). Each
 * label sits above its bar so long Ukrainian labels are not cut; stacked parts carry a `<title>` each; the whole chart is
 * one image for screen readers with its figures spelled out in `<desc>`.
 */
export function BarChart({ title, rows, emptyText, legend, testId }: Props) {
  const id = useId();
  const totals = rows.map((r) => r.segments.reduce((s, x) => s + x.value, 0));
  const max = Math.max(0, ...totals);
  const height = rows.length * ROW_HEIGHT + 4;
  const scale = max > 0 ? (WIDTH - VALUE_SPACE) / max : 0;
  const description = rows
    .map(
      (r, i) =>
        `${r.label}: ${totals[i]}${r.segments.length > 1 ? ` (${r.segments.map((s) => `${s.name} ${s.value}`).join(', ')})` : ''}`,
    )
    .join('; ');
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      {max === 0 ? (
        <p className="empty">{emptyText}</p>
      ) : (
        <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          {rows.map((row, i) => {
            const y = i * ROW_HEIGHT;
            let x = 0;
            return (
              <g key={row.label}>
                <text x={0} y={y + 14} fontSize={13} fill="#1b1f23">
                  {clip(row.label)}
                </text>
                {row.segments.map((s) => {
                  const w = s.value * scale;
                  const rect = (
                    <rect key={s.name} x={x} y={y + 20} width={w} height={BAR_HEIGHT} fill={s.color}>
                      <title>{`${row.label} — ${s.name}: ${s.value}`}</title>
                    </rect>
                  );
                  x += w;
                  return rect;
                })}
                <text x={x + 6} y={y + 33} fontSize={13} fontWeight={700} fill="#1b1f23">
                  {totals[i]}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      {legend && max > 0 && (
        <ul className="chart-legend">
          {legend.map((l) => (
            <li key={l.name}>
              <span className="chart-swatch" style={{ background: l.color }} aria-hidden="true" />
              {l.name}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
