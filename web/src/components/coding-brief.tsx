import { For, Match, Show, Switch } from 'solid-js';
import type { Coding } from '../lib/types.ts';
import { DataTable, formatValue, ValueView } from './value-view.tsx';

/** What the code must do, beyond the prompt: the schema (SQL) and the visible examples. */
export function CodingBrief(props: { coding: Coding }) {
  return (
    <div class="coding-brief">
      <Switch>
        <Match when={props.coding.language === 'python' ? props.coding : null}>
          {(c) => (
            <details class="examples" open>
              <summary>
                Examples for <code>{c().functionName}</code> ({c().examples.length}) · {c().hiddenTests} hidden tests on submit
              </summary>
              <ul>
                <For each={c().examples}>
                  {(e) => (
                    <li>
                      <code class="value">
                        {c().functionName}({e.args.map(formatValue).join(', ')})
                      </code>{' '}
                      → <Show when={e.raises} fallback={<code class="value">{formatValue(e.expected)}</code>}>raises <code>{e.raises}</code></Show>
                      <Show when={e.note}>
                        <span class="muted"> — {e.note}</span>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </details>
          )}
        </Match>
        <Match when={props.coding.language === 'sql' ? props.coding : null}>
          {(c) => (
            <>
              <details class="schema" open>
                <summary>Schema</summary>
                <pre class="code-block">
                  <code>{c().schema}</code>
                </pre>
              </details>
              <details class="examples">
                <summary>
                  Examples ({c().examples.length}) · {c().hiddenTests} hidden tests on submit{c().orderMatters ? ' · row order matters' : ''}
                </summary>
                <For each={c().examples}>
                  {(e, i) => (
                    <div class="sql-example">
                      <p>
                        <strong>Example {i() + 1}</strong>
                        <Show when={e.note}> — {e.note}</Show>
                      </p>
                      <For each={Object.entries(e.seed)}>
                        {([table, rows]) => (
                          <DataTable
                            caption={table}
                            table={{ columns: Object.keys(rows[0] ?? {}), rows: rows.map((r) => Object.values(r)) }}
                          />
                        )}
                      </For>
                      <ValueView value={e.expected} caption="Expected result" />
                    </div>
                  )}
                </For>
              </details>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
