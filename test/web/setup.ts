import '@testing-library/jest-dom/vitest';
import { cleanup } from '@solidjs/testing-library';
import { afterEach, vi } from 'vitest';

// jsdom has no scrolling; the router scrolls to the top after a navigation.
window.scrollTo = () => {};

// Each test starts from an empty browser: no rendered tree, no stored drafts, no stubbed server.
afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
