import { createSignal } from 'solid-js';
import { accessToken, saveAccessToken } from '../lib/identity.ts';

/**
 * Shown when the server answered 401: it is served beyond this machine and wants its access
 * token. The token stays in this browser (localStorage) and goes with every request.
 */
export function TokenForm() {
  const [token, setToken] = createSignal(accessToken() ?? '');
  return (
    <form
      class="token-form"
      aria-labelledby="token-title"
      onSubmit={(e) => {
        e.preventDefault();
        saveAccessToken(token());
        // Every request on the page failed without it; a fresh load is the simplest full retry.
        location.reload();
      }}
    >
      <h2 id="token-title">This server needs an access token</h2>
      <p>Ask whoever runs this Mockloop server for it. It is kept in this browser only.</p>
      <label class="label" for="access-token">
        Access token
      </label>
      <div class="inline-field">
        <input id="access-token" type="password" autocomplete="off" required value={token()} onInput={(e) => setToken(e.currentTarget.value)} />
        <button class="button button-primary" type="submit">
          Save and retry
        </button>
      </div>
    </form>
  );
}
