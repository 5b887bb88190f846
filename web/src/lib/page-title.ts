/** Each page names itself in the tab and for screen readers arriving on it. */
import { createEffect } from 'solid-js';

export function usePageTitle(title: () => string): void {
  createEffect(() => {
    const t = title();
    document.title = t ? `${t} · Mockloop` : 'Mockloop';
  });
}
