import { For, Show } from 'solid-js';
import { measuredWidth } from '../lib/measured-width.ts';
import type { SkillGap } from '../lib/types.ts';

const LEVELS = [1, 2, 3] as const;

/**
 * Each skill on the 1-3 scale: the role's target (a bar), what the candidate says (a ring) and
 * what the graded answers show (a dot), with the gap shaded between where they stand and the
 * target. Plain SVG, loaded on demand, drawn in real pixels from the measured width so it reads
 * on a phone as on a laptop.
 */
export default function GapChart(props: { skills: SkillGap[]; levelWords: Record<string, string> }) {
  const [width, box] = measuredWidth();

  const narrow = () => width() < 480;
  const ROW = 50;
  const TOP = 30;
  const PAD = 12;
  const valueRoom = () => (narrow() ? 76 : 96);
  const x = (level: number) => PAD + ((level - 1) / 2) * (width() - 2 * PAD - valueRoom());
  const height = () => TOP + props.skills.length * ROW;
  const status = (g: SkillGap) =>
    g.status === 'gap' ? `gap ${g.gap}` : g.status === 'unknown' ? 'unknown' : g.gap === 0 ? 'on target' : narrow() ? 'above' : 'above target';
  const describe = () =>
    props.skills
      .map(
        (g) =>
          `${g.name}: target ${g.target}, you say ${g.selfRating ?? 'nothing'}, answers show ${g.demonstrated.level ?? `not enough evidence (${g.demonstrated.answers} answer${g.demonstrated.answers === 1 ? '' : 's'})`}, ${status(g)}`,
      )
      .join('; ');

  return (
    <figure class="gap-chart">
      <div ref={box} class="gap-chart-box">
        <svg width={width()} height={height()} viewBox={`0 0 ${width()} ${height()}`} role="img" aria-labelledby="gap-chart-title gap-chart-desc">
          <title id="gap-chart-title">Target, self-rating and demonstrated level per skill, 1 to 3</title>
          <desc id="gap-chart-desc">{describe()}</desc>
          <For each={LEVELS}>
            {(l) => (
              <g class="gap-tick">
                <line x1={x(l)} x2={x(l)} y1={TOP - 8} y2={height()} />
                <text x={x(l)} y={TOP - 14} text-anchor={l === 1 ? 'start' : l === 3 ? 'end' : 'middle'}>
                  {narrow() ? l : `${l} ${props.levelWords[String(l)] ?? ''}`}
                </text>
              </g>
            )}
          </For>
          <For each={props.skills}>
            {(g, i) => {
              const y = () => TOP + i() * ROW;
              const mid = () => y() + 31;
              return (
                <g class="gap-row" data-status={g.status}>
                  <text class="gap-name" classList={{ 'gap-name-narrow': narrow() }} x={0} y={y() + 14}>
                    {g.rank ? `#${g.rank} ` : ''}
                    {g.name}
                  </text>
                  <rect class="gap-track" x={x(1)} y={mid() - 3} width={x(3) - x(1)} height={6} rx={3} />
                  <Show when={g.status === 'gap' && g.current !== null}>
                    <rect class="gap-span" x={x(g.current!)} y={mid() - 7} width={x(g.target) - x(g.current!)} height={14} rx={4} />
                  </Show>
                  <rect class="gap-target" x={x(g.target) - 2} y={mid() - 11} width={4} height={22} rx={1.5} />
                  <Show when={g.demonstrated.level !== null}>
                    <circle class="gap-shown" cx={x(g.demonstrated.level!)} cy={mid()} r={5.5} />
                  </Show>
                  <Show when={g.selfRating !== null}>
                    <circle class="gap-self" cx={x(g.selfRating!)} cy={mid()} r={8} />
                  </Show>
                  <text class="gap-value" x={width()} y={mid() + 4} text-anchor="end">
                    {status(g)}
                  </text>
                </g>
              );
            }}
          </For>
        </svg>
      </div>
      <figcaption>
        <ul class="gap-legend">
          <li>
            <svg width="12" height="18" aria-hidden="true">
              <rect class="gap-target" x="4" y="1" width="4" height="16" rx="1.5" />
            </svg>
            The role’s target
          </li>
          <li>
            <svg width="18" height="18" aria-hidden="true">
              <circle class="gap-self" cx="9" cy="9" r="7" />
            </svg>
            You say (self-rating)
          </li>
          <li>
            <svg width="18" height="18" aria-hidden="true">
              <circle class="gap-shown" cx="9" cy="9" r="5.5" />
            </svg>
            Your graded answers show
          </li>
          <li>
            <svg width="22" height="18" aria-hidden="true">
              <rect class="gap-span" x="1" y="2" width="20" height="14" rx="4" />
            </svg>
            The gap to close
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
