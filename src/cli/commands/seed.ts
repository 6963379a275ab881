import { InvalidArgumentError, type Command } from 'commander';
import { systemClock } from '../../app/shared/deps.ts';
import { hasDemoAuthority, seedDemoAuthority } from '../../db/seed/demo-authority.ts';
import { out, withDatabase } from '../shared.ts';

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('load the demo authority into an empty database')
    .option(
      '--seed <n>',
      'random seed number',
      (v) => {
        const n = Number.parseInt(v, 10);
        if (!Number.isInteger(n)) throw new InvalidArgumentError('must be a whole number');
        return n;
      },
      2026,
    )
    .action(async (options: { seed: number }) => {
      await withDatabase(async (handle) => {
        if (await hasDemoAuthority(handle.db)) {
          out('The demo authority is already loaded.');
          return;
        }
        await seedDemoAuthority(handle, systemClock.now(), options.seed);
        out('Demo authority loaded.');
      });
    });
}
