import { writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { systemClock } from '../../app/shared/deps.ts';
import { hasDemoAuthority, seedDemoAuthority } from '../../db/seed/demo-authority.ts';
import { fail, out, withDatabase } from '../shared.ts';

const wholeNumber =
  (min: number) =>
  (v: string): number => {
    const n = Number.parseInt(v.replace(/[_,]/g, ''), 10);
    if (!Number.isInteger(n) || n < min || String(n) !== v.replace(/[_,]/g, '').replace(/^\+/, ''))
      throw new InvalidArgumentError(`must be a whole number of ${String(min)} or more`);
    return n;
  };

const isoDate = (v: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) throw new InvalidArgumentError('must be a date as YYYY-MM-DD');
  return v;
};

interface SeedOptions {
  readonly seed: number;
  readonly scale?: number;
  readonly asOf?: string;
  readonly years: number;
  readonly auditHistory: boolean;
  readonly truth?: string;
}

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('load the demo authority into an empty database; with --scale N, a synthetic authority of N children')
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
    .option('--scale <n>', 'generate a synthetic authority of N children with years of history (1000 demo, 60000 large)', wholeNumber(1))
    .option('--as-of <date>', 'with --scale: the day the history runs up to (default today)', isoDate)
    .option('--years <n>', 'with --scale: years of history', wholeNumber(1), 10)
    .option('--no-audit-history', 'with --scale: skip the record-view audit history')
    .option('--truth <file>', 'with --scale: write the duplicate ground truth to this file (JSON lines)')
    .action(async (options: SeedOptions) => {
      await withDatabase(async (handle) => {
        if (options.scale === undefined) {
          if (await hasDemoAuthority(handle.db)) {
            out('The demo authority is already loaded.');
            return;
          }
          await seedDemoAuthority(handle, systemClock.now(), options.seed);
          out('Demo authority loaded.');
          return;
        }
        // Loaded only for --scale, so the other commands start as fast as before.
        const { progressBar } = await import('../../db/seed/synthetic/progress.ts');
        const { ScaleAuthorityExistsError, seedScaleAuthority } = await import('../../db/seed/synthetic/scale.ts');
        const bar = progressBar();
        try {
          const result = await seedScaleAuthority(handle, systemClock.now(), {
            children: options.scale,
            seed: options.seed,
            years: options.years,
            auditHistory: options.auditHistory,
            onProgress: bar,
            ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
          });
          bar.end();
          if (options.truth !== undefined) writeFileSync(options.truth, result.duplicates.map((d) => JSON.stringify(d)).join('\n') + '\n');
          out(
            `Scale authority loaded (seed ${String(result.seed)}, history to ${result.asOf}): ${result.children.toLocaleString('en-GB')} children, ${result.people.toLocaleString('en-GB')} people in ${result.families.toLocaleString('en-GB')} families, ${String(result.staff)} staff, ${String(result.duplicates.length)} duplicate records.`,
          );
          out(
            Object.entries(result.rows)
              .map(([table, n]) => `  ${table}: ${n.toLocaleString('en-GB')}`)
              .join('\n'),
          );
        } catch (error) {
          bar.end();
          if (error instanceof ScaleAuthorityExistsError) fail(error.message);
          throw error;
        }
      });
    });
}
