import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';

// Two projects: Node tests (server, API, LLM fakes, browser e2e) and jsdom component tests.
// The Solid plugin must only reach the jsdom project: under it @libsql/client fails to import.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/web/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [solid()],
        resolve: { conditions: ['development', 'browser'] },
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/web/**/*.test.tsx'],
          setupFiles: ['test/web/setup.ts'],
        },
      },
    ],
  },
});
