import { Show } from 'solid-js';

/** A problem said plainly (the server's own message), with a way to try again when there is one. */
export function ErrorNote(props: { message: string | null | undefined; onRetry?: () => void; retryLabel?: string }) {
  return (
    <Show when={props.message}>
      <div class="note note-error" role="alert">
        <p>{props.message}</p>
        <Show when={props.onRetry}>
          <button type="button" class="button button-quiet" onClick={() => props.onRetry?.()}>
            {props.retryLabel ?? 'Try again'}
          </button>
        </Show>
      </div>
    </Show>
  );
}
