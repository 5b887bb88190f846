/**
 * Opens the libSQL database, applies the committed migrations, and tunes a file database
 * for a web server (WAL, a busy timeout so concurrent writers wait instead of failing).
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as schema from './schema.ts';

export type Db = LibSQLDatabase<typeof schema>;

const MIGRATIONS = resolve(import.meta.dirname, 'migrations');

export interface OpenedDb {
  db: Db;
  client: Client;
  close(): void;
}

export async function openDb(url: string, authToken?: string): Promise<OpenedDb> {
  if (url.startsWith('file:')) mkdirSync(dirname(url.slice('file:'.length)) || '.', { recursive: true });
  const client = createClient({ url, authToken });
  if (url.startsWith('file:')) {
    await client.execute('PRAGMA journal_mode=WAL');
    await client.execute('PRAGMA busy_timeout=5000');
  }
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS });
  return { db, client, close: () => client.close() };
}
