import { A, type RouteSectionProps } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { tokenNeeded } from '../lib/api.ts';
import { ErrorNote } from './error-note.tsx';
import { TokenForm } from './token-form.tsx';
import { messageOf } from '../lib/format.ts';

/** Every page's frame: a skip link, the header with navigation, and the token form when asked. */
export function Layout(props: RouteSectionProps) {
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <div class="site-header-inner">
          <A href="/" class="brand" end>
            <span class="brand-mark" aria-hidden="true" />
            Mockloop
          </A>
          <nav aria-label="Main">
            <A href="/" end activeClass="active">
              Practise
            </A>
            <A href="/career" activeClass="active">
              Career
            </A>
            <A href="/history" activeClass="active">
              History
            </A>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Show when={tokenNeeded()}>
          <TokenForm />
        </Show>
        {/* A last resort: a page that fails to render says why and can try again, the header stays. */}
        <ErrorBoundary fallback={(err, reset) => <ErrorNote message={messageOf(err)} onRetry={reset} />}>
          <Suspense fallback={<p class="loading">Loading…</p>}>{props.children}</Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}
