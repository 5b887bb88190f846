/**
 * createApp(deps): the Hono app. Routes are mounted here; one error handler maps every error to
 * a JSON body. Domain errors keep their status; malformed input is a 4xx naming what is wrong;
 * anything unexpected is logged and answered as a bare 500, never with a stack trace.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Deps } from './deps.ts';
import { AppError, APP_ERROR_STATUS } from './errors.ts';
import { careerRoutes } from './routes/career.ts';
import { metaRoutes } from './routes/meta.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { checkOrigin, requireJson, requireToken } from './routes/guard.ts';

export interface AppOptions {
  /** Required on every API call when set (serving beyond localhost). */
  accessToken?: string;
  /** The built web app (vite build output); served with an SPA fallback when present. */
  webDist?: string;
}

const errorBody = (code: string, message: string, field?: string) => ({ error: { code, message, ...(field ? { field } : {}) } });

export function createApp(deps: Deps, options: AppOptions = {}) {
  const api = new Hono()
    .use('*', requireJson)
    .use(
      '*',
      bodyLimit({
        maxSize: deps.limits.maxBodyBytes,
        onError: (c) => c.json(errorBody('too_large', `The request body is larger than ${deps.limits.maxBodyBytes} bytes.`), 413),
      }),
    )
    .route('/', metaRoutes(deps))
    .route('/sessions', sessionRoutes(deps))
    .route('/career', careerRoutes(deps));

  const app = new Hono();
  app.use('*', secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], connectSrc: ["'self'"], objectSrc: ["'none'"], frameAncestors: ["'none'"] } }));
  app.use('/api/*', checkOrigin);
  if (options.accessToken) app.use('/api/*', requireToken(options.accessToken));
  const routes = app.route('/api', api);

  app.notFound((c) =>
    c.req.path.startsWith('/api/') ? c.json(errorBody('not_found', `No route ${c.req.method} ${c.req.path}.`), 404) : c.text('Not found', 404),
  );
  app.onError((err, c) => {
    if (err instanceof AppError) return c.json(errorBody(err.code, err.message, err.field), APP_ERROR_STATUS[err.code]);
    if (err instanceof HTTPException) {
      // Hono throws these for malformed JSON bodies and the like: a client error, said plainly.
      const status = err.status >= 400 && err.status < 500 ? err.status : 400;
      const message = /JSON/i.test(err.message) ? 'The request body is not valid JSON.' : err.message || 'Bad request.';
      return c.json(errorBody(status === 413 ? 'too_large' : 'invalid', message), status);
    }
    if (err instanceof SyntaxError || err instanceof RangeError) {
      // JSON.parse depth/size failures inside body parsing.
      return c.json(errorBody('invalid', 'The request body could not be read.'), 400);
    }
    deps.logger.error('unhandled error', { path: c.req.path, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    return c.json(errorBody('internal', 'Something went wrong on our side. Your answers are saved; try again.'), 500);
  });

  if (options.webDist && existsSync(join(options.webDist, 'index.html'))) {
    const root = resolve(options.webDist);
    const indexHtml = readFileSync(join(root, 'index.html'), 'utf8');
    app.use('/assets/*', serveStatic({ root }));
    app.get('/favicon.svg', serveStatic({ root }));
    // SPA fallback: client-side routes get the page; a missing asset stays a 404.
    app.get('*', (c) => (c.req.path.startsWith('/assets/') || c.req.path.startsWith('/api/') ? c.notFound() : c.html(indexHtml)));
  }
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
