import { For, Show } from 'solid-js';
import { percent } from '../lib/career-format.ts';
import type { JobAnalysis } from '../lib/types.ts';

type Llm = NonNullable<JobAnalysis['llm']>;

/** What the server's checks did to the model's reply, in words (server/career/job-analysis-llm.ts). */
const FLAG_TEXT: Record<Llm['flags'][number], string> = {
  phrases_dropped: 'phrases it quoted that are not in the posting were dropped',
  skills_dropped: 'skills that do not exist, or came twice, were dropped',
  stages_repaired: 'stage weights that were missing or off the 0-5 scale were taken from the role',
  asks_dropped: 'overlooked asks without a quote from the posting were dropped',
  confidence_clamped: 'its confidence was outside 0-1 and was clamped',
};

/**
 * The model's reading beside the offline classifier's, row by row, so a disagreement is seen at
 * once. Everything the model said is shown as text, after the server checked its quotes.
 */
export function ModelReading(props: { analysis: JobAnalysis; llm: Llm }) {
  const a = () => props.analysis;
  const o = () => props.analysis.offline;
  const stageName = (id: string) => o().stages.find((s) => s.stage === id)?.name ?? id;
  const modelLabel = () => `Model · ${a().model ?? ''}`;
  return (
    <section class="model-reading" aria-labelledby="model-reading-title">
      <h2 id="model-reading-title">Two readings of the posting</h2>
      <p class={a().comparison?.sameRole ? 'muted' : 'note note-warn'}>
        {a().comparison?.sameRole
          ? `Both readings agree: ${props.llm.roleName}.`
          : `The readings disagree: the offline classifier says ${o().roleName ?? 'nothing'}, the model says ${props.llm.roleName}. A tailored session follows the model.`}
      </p>
      <div class="table-scroll">
        <table class="reading-table">
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col">Offline classifier</th>
              <th scope="col">{modelLabel()}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Role</th>
              <td data-label="Offline classifier">{o().roleName ?? 'Not classified'}</td>
              <td data-label={modelLabel()}>{props.llm.roleName}</td>
            </tr>
            <tr>
              <th scope="row">Confidence</th>
              <td data-label="Offline classifier">
                {o().confidenceLabel} ({percent(o().confidence)})
              </td>
              <td data-label={modelLabel()}>{percent(props.llm.confidence)}</td>
            </tr>
            <tr>
              <th scope="row">Deciding phrases</th>
              <td data-label="Offline classifier">{o().decidingPhrases.map((p) => `“${p.phrase}”`).join(', ') || '—'}</td>
              <td data-label={modelLabel()}>{props.llm.decisivePhrases.map((p) => `“${p}”`).join(', ') || '—'}</td>
            </tr>
            <tr>
              <th scope="row">Skills stressed</th>
              <td data-label="Offline classifier">{o().skills.map((s) => s.name).join(', ') || '—'}</td>
              <td data-label={modelLabel()}>{props.llm.skills.map((s) => `${s.name} (${s.emphasis})`).join(', ') || '—'}</td>
            </tr>
            <tr>
              <th scope="row">Stages</th>
              <td data-label="Offline classifier">{o().stages.filter((s) => s.stressed).map((s) => s.name).join(', ') || 'none stressed'}</td>
              <td data-label={modelLabel()}>
                {Object.entries(props.llm.stageWeights)
                  .map(([id, w]) => `${stageName(id)} ${w}`)
                  .join(', ')}
              </td>
            </tr>
            <tr>
              <th scope="row">Overlooked asks</th>
              <td data-label="Offline classifier">{o().overlooked.map((x) => x.name).join(', ') || '—'}</td>
              <td data-label={modelLabel()}>{props.llm.overlooked.map((x) => x.name).join(', ') || '—'}</td>
            </tr>
            <tr>
              <th scope="row">Title and duties</th>
              <td data-label="Offline classifier">{o().warning ?? 'No conflict'}</td>
              <td data-label={modelLabel()}>{props.llm.titleMismatch ?? 'No conflict'}</td>
            </tr>
            <tr>
              <th scope="row">Reasoning</th>
              <td data-label="Offline classifier">{o().explanation}</td>
              <td data-label={modelLabel()}>{props.llm.rationale}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <Show when={props.llm.flags.length > 0}>
        <p class="muted">
          Checked against the posting: <For each={props.llm.flags}>{(f, i) => <>{(i() > 0 ? '; ' : '') + FLAG_TEXT[f]}</>}</For>.
        </p>
      </Show>
    </section>
  );
}
