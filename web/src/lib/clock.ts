/** A ticking "now" for timers; stops with the component that created it. */
import { createSignal, onCleanup, type Accessor } from 'solid-js';

export function createNow(everyMs = 1000): Accessor<number> {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), everyMs);
  onCleanup(() => clearInterval(timer));
  return now;
}
