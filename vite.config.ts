import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// The web app lives in web/ and builds into dist/, which the Hono server serves (createApp's
// webDist). In development, /api goes to the server on :3000 so the app stays same-origin.
export default defineConfig({
  root: 'web',
  plugins: [solid()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: {
      // Host is kept (no changeOrigin) so the server's origin check sees a same-origin request.
      '/api': { target: 'http://127.0.0.1:3000' },
    },
  },
});
