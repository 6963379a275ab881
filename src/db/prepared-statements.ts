// Server-side prepared statements for the hottest statements (the session read, the case page's
// reads, the audit append, the search's candidate load). Each is a fixed text with parameters; on
// PostgreSQL, naming it lets every pooled connection parse it once and reuse the plan PostgreSQL
// caches for it (plan_cache_mode auto: a generic plan once it costs no more than the custom ones),
// instead of parsing and planning it again on every page. PGlite runs in process and ignores this.
//
// Only statements registered here are named, so the number of statements each connection keeps is
// bounded by the code (and capped below), never by what users type. `HEARTH_PG_PREPARED=off` turns it
// off, for a connection pooler in transaction mode that cannot keep named statements.
import { createHash } from 'node:crypto';
import type { CompiledQuery } from 'kysely';
import pg from 'pg';

/** More distinct texts than the code registers means something registers per-input text: stop naming. */
const MAX_NAMED = 200;
const names = new Map<string, string>();

/** Marks a compiled statement to be run as a named prepared statement on PostgreSQL. */
export function prepared<R>(query: CompiledQuery<R>): CompiledQuery<R> {
  if (!names.has(query.sql) && names.size < MAX_NAMED) names.set(query.sql, `hearth_${createHash('sha1').update(query.sql).digest('hex').slice(0, 24)}`);
  return query;
}

/** The name a statement text runs under, if it was registered. */
export function preparedName(text: string): string | undefined {
  return names.get(text);
}

/**
 * A pg client that runs registered statements by name (`{ name, text, values }`), which `pg` parses
 * once per connection. Everything else is passed through as it came.
 */
export class PreparingClient extends pg.Client {
  override query(...args: unknown[]): never {
    const [text, values] = args;
    if (typeof text === 'string' && Array.isArray(values) && args.length === 2) {
      const name = preparedName(text);
      if (name !== undefined) return (super.query as (...a: unknown[]) => never)({ name, text, values });
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }
}

export function preparedStatementsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['HEARTH_PG_PREPARED'] !== 'off';
}
