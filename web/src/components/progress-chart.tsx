import { For, Show } from 'solid-js';
import { measuredWidth } from '../lib/measured-width.ts';
import type { Progress, ProgressSeries } from '../lib/types.ts';

export interface Threshold {
  label: string;
  min: number;
}

const shortDate = (ms: number) => new Date(ms).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

/**
 * One stage's or skill's level across sessions as a line in plain SVG, loaded on demand. Every
 * session has the same place on every chart (its rank in time), so charts side by side line up.
 * Dashed lines mark the verdict thresholds the levels are judged against.
 */
export default function ProgressChart(props: {
  series: ProgressSeries;
  sessions: Progress['sessions'];
  scale: Progress['scale'];
  thresholds: Threshold[];
}) {
  const [width, box] = measuredWidth(320, 220);

  const HEIGHT = 150;
  const LEFT = 22;
  const RIGHT = 10;
  const TOP = 10;
  const BOTTOM = 22;
  const INSET = 10;
  const n = () => props.sessions.length;
  const x = (sessionId: string) => {
    const i = Math.max(0, props.sessions.findIndex((s) => s.id === sessionId));
    // Inset from the axis, so a first point at level 0 does not sit on the axis labels.
    return n() <= 1 ? (LEFT + width() - RIGHT) / 2 : LEFT + INSET + (i / (n() - 1)) * (width() - LEFT - RIGHT - 2 * INSET);
  };
  const y = (level: number) => TOP + (1 - (level - props.scale.min) / (props.scale.max - props.scale.min)) * (HEIGHT - TOP - BOTTOM);
  const path = () => props.series.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.sessionId).toFixed(1)},${y(p.level).toFixed(1)}`).join(' ');
  const gridLevels = () => Array.from({ length: props.scale.max - props.scale.min + 1 }, (_, i) => props.scale.min + i);
  const describe = () => props.series.points.map((p) => `${shortDate(p.at)}: ${p.level} from ${p.answers} answer${p.answers === 1 ? '' : 's'}`).join('; ');
  const first = () => props.sessions[0];
  const last = () => props.sessions.at(-1);
  /** Sessions on more than one day: the axis shows the first and last date, else one centred label. */
  const spread = () => n() > 1 && shortDate(first()!.createdAt) !== shortDate(last()!.createdAt);

  return (
    <div ref={box} class="progress-chart">
      <svg width={width()} height={HEIGHT} viewBox={`0 0 ${width()} ${HEIGHT}`} role="img" aria-label={`${props.series.name}: level per session, ${props.scale.min} to ${props.scale.max}`}>
        <desc>{describe()}</desc>
        <For each={gridLevels()}>
          {(l) => (
            <g class="pc-grid">
              <line x1={LEFT} x2={width() - RIGHT} y1={y(l)} y2={y(l)} />
              <text x={LEFT - 6} y={y(l) + 4} text-anchor="end">
                {l}
              </text>
            </g>
          )}
        </For>
        <For each={props.thresholds}>
          {(t) => (
            <g class="pc-threshold">
              <line x1={LEFT} x2={width() - RIGHT} y1={y(t.min)} y2={y(t.min)} />
              <text x={width() - RIGHT} y={y(t.min) - 3} text-anchor="end">
                {t.label}
              </text>
            </g>
          )}
        </For>
        <path class="pc-line" d={path()} />
        <For each={props.series.points}>
          {(p) => (
            <circle class="pc-point" cx={x(p.sessionId)} cy={y(p.level)} r={4}>
              <title>
                {shortDate(p.at)}: level {p.level} from {p.answers} answer{p.answers === 1 ? '' : 's'}
              </title>
            </circle>
          )}
        </For>
        <Show when={first()}>
          {(f) => (
            <text class="pc-axis" x={spread() ? LEFT : (LEFT + width() - RIGHT) / 2} y={HEIGHT - 4} text-anchor={spread() ? 'start' : 'middle'}>
              {spread() ? shortDate(f().createdAt) : n() > 1 ? `${n()} sessions on ${shortDate(f().createdAt)}` : shortDate(f().createdAt)}
            </text>
          )}
        </Show>
        <Show when={spread() && last()}>
          {(l) => (
            <text class="pc-axis" x={width() - RIGHT} y={HEIGHT - 4} text-anchor="end">
              {shortDate(l().createdAt)}
            </text>
          )}
        </Show>
      </svg>
    </div>
  );
}
