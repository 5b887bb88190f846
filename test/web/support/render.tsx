/** Renders a page at a path inside a memory router, as the app would route to it. */
import { createMemoryHistory, MemoryRouter, Route } from '@solidjs/router';
import { render } from '@solidjs/testing-library';
import type { Component } from 'solid-js';

export function renderAt(path: string, pattern: string, page: Component) {
  const history = createMemoryHistory();
  history.set({ value: path });
  const result = render(() => (
    <MemoryRouter history={history}>
      <Route path={pattern} component={page} />
      <Route path="*" component={() => <p>Elsewhere: {history.get()}</p>} />
    </MemoryRouter>
  ));
  return { ...result, history };
}
