import type { Command } from 'commander';
import { out, withDatabase } from '../shared.ts';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply database migrations (PGlite in ./data, or DATABASE_URL)')
    .action(async () => {
      await withDatabase(async () => out('Database is up to date.'));
    });
}
