import { A } from '@solidjs/router';

export function NotFoundPage() {
  return (
    <section class="page narrow">
      <h1>Nothing here</h1>
      <p>This address does not lead to a page. Start a new interview, or look through your history.</p>
      <p class="actions">
        <A class="button button-primary" href="/">
          Start an interview
        </A>
        <A class="button" href="/history">
          History
        </A>
      </p>
    </section>
  );
}
