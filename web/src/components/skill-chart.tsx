import { For, Show } from 'solid-js';
import { measuredWidth } from '../lib/measured-width.ts';
import { MAX_SCORE } from '../lib/format.ts';
import type { Report } from '../lib/types.ts';

/**
 * Scores per skill as horizontal bars in plain SVG (no chart library), loaded on demand. Drawn in
 * real pixels from the measured width, so the labels stay readable on a phone as on a laptop.
 * Dashed lines mark the verdict thresholds the levels are judged against.
 */
export default function SkillChart(props: { skills: Report['skills']; thresholds: Report['thresholds'] }) {
  const [width, box] = measuredWidth();

  // On a phone the answer counts go and the names shrink a little, so long skill names still fit.
  const narrow = () => width() < 480;
  const ROW = 52;
  const TOP = 26;
  const valueRoom = 44;
  const barWidth = () => width() - valueRoom;
  const x = (level: number) => (Math.min(level, MAX_SCORE) / MAX_SCORE) * barWidth();
  const height = () => TOP + props.skills.length * ROW;
  const marks = () => props.thresholds.filter((t) => t.verdict === 'lean-hire' || t.verdict === 'hire');
  const band = (level: number) => props.thresholds.find((t) => level >= t.min)?.verdict ?? 'strong-no-hire';
  const describe = () => props.skills.map((s) => `${s.name}: ${s.level.toFixed(1)} of ${MAX_SCORE}`).join('; ');

  return (
    <figure class="skill-chart">
      <div ref={box} class="skill-chart-box">
        <svg width={width()} height={height()} viewBox={`0 0 ${width()} ${height()}`} role="img" aria-labelledby="skill-chart-title skill-chart-desc">
          <title id="skill-chart-title">Level per skill, 0 to {MAX_SCORE}</title>
          <desc id="skill-chart-desc">{describe()}</desc>
          <For each={marks()}>
            {(t) => (
              <g class="threshold">
                <line x1={x(t.min)} x2={x(t.min)} y1={TOP - 8} y2={height()} />
                <text x={x(t.min)} y={TOP - 12} text-anchor="middle">
                  {t.verdict === 'hire' ? 'Hire' : 'Lean hire'}
                </text>
              </g>
            )}
          </For>
          <For each={props.skills}>
            {(s, i) => {
              const y = () => TOP + i() * ROW;
              return (
                <g class="skill-row">
                  <text class="skill-name" classList={{ 'skill-name-narrow': narrow() }} x={0} y={y() + 14}>
                    {s.name}
                    <Show when={!narrow()}>
                      <tspan class="skill-count" dx="6">
                        ({s.answers} answer{s.answers === 1 ? '' : 's'})
                      </tspan>
                    </Show>
                  </text>
                  <rect class="skill-track" x={0} y={y() + 22} width={barWidth()} height={12} rx={6} />
                  <rect class={`skill-bar band-${band(s.level)}`} x={0} y={y() + 22} width={Math.max(4, x(s.level))} height={12} rx={6} />
                  <text class="skill-value" x={barWidth() + 8} y={y() + 33}>
                    {s.level.toFixed(1)}
                  </text>
                </g>
              );
            }}
          </For>
        </svg>
      </div>
      <figcaption class="muted">Each bar is the average level of the answers that exercised the skill, on the rubric scale of 0 to {MAX_SCORE}.</figcaption>
    </figure>
  );
}
