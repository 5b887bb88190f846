import { createSignal, onCleanup, onMount } from 'solid-js';

/**
 * The width of an element in real pixels, kept current as it resizes, so SVG charts draw at the
 * size they are shown (readable labels on a phone as on a laptop). Use: `const [width, ref] =
 * measuredWidth(); <div ref={ref}>`.
 */
export function measuredWidth(fallback = 640, min = 260): [() => number, (el: HTMLElement) => void] {
  const [width, setWidth] = createSignal(fallback);
  let box: HTMLElement | undefined;
  onMount(() => {
    if (!box) return;
    const measure = () => setWidth(Math.max(min, Math.floor(box!.clientWidth || fallback)));
    measure();
    if (typeof ResizeObserver !== 'undefined') {
      const ro = new ResizeObserver(measure);
      ro.observe(box);
      onCleanup(() => ro.disconnect());
    }
  });
  return [width, (el) => (box = el)];
}
