import { sql } from 'kysely';
import type { AppDeps } from '../shared/deps.ts';

/** Whether the database answers. */
export async function checkHealth(deps: AppDeps): Promise<boolean> {
  try {
    await sql`select 1`.execute(deps.db);
    return true;
  } catch {
    return false;
  }
}
