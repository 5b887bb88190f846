import { For, Show } from 'solid-js';

type Table = { columns: string[]; rows: unknown[][] };

const isTable = (v: unknown): v is Table =>
  !!v && typeof v === 'object' && Array.isArray((v as Table).columns) && Array.isArray((v as Table).rows);

/** Python values as compact JSON-like text (close to how Python prints them). */
export function formatValue(v: unknown): string {
  if (v === undefined) return '—';
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

/** A test's value: SQL results as a small table, anything else as code. Text only, no HTML. */
export function ValueView(props: { value: unknown; caption?: string }) {
  return (
    <Show when={isTable(props.value) ? (props.value as Table) : null} fallback={<code class="value">{formatValue(props.value)}</code>}>
      {(t) => <DataTable table={t()} caption={props.caption} />}
    </Show>
  );
}

export function DataTable(props: { table: Table; caption?: string }) {
  return (
    <div class="table-scroll">
      <table class="data-table">
        <Show when={props.caption}>
          <caption>{props.caption}</caption>
        </Show>
        <thead>
          <tr>
            <For each={props.table.columns}>{(c) => <th scope="col">{c}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <Show
            when={props.table.rows.length > 0}
            fallback={
              <tr>
                <td colSpan={props.table.columns.length} class="muted">
                  (no rows)
                </td>
              </tr>
            }
          >
            <For each={props.table.rows}>
              {(row) => (
                <tr>
                  <For each={row}>{(cell) => <td>{cell === null ? 'NULL' : String(cell)}</td>}</For>
                </tr>
              )}
            </For>
          </Show>
        </tbody>
      </table>
    </div>
  );
}
