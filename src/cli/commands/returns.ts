// `hearth returns cin --year 2026 --out census.xml` and `hearth returns annex-a --to 2026-03-31
// --months 12 --out annex-a.xlsx` (or --from/--to): the statutory returns from the command line, with
// progress on stderr. The census's validation failures are listed on stderr; the exit code is 3 when
// there are errors (the file is still written, for checking).
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { LocalDate } from '@js-joda/core';
import { systemContext } from '../../app/shared/request-context.ts';
import type { BuildProgress } from '../../returns/cin-census/build.ts';
import { FIRST_CENSUS_YEAR, LAST_CENSUS_YEAR } from '../../returns/cin-census/census-period.ts';
import { annexWindow } from '../../returns/annex-a/window.ts';
import { produceAnnexA, produceCensus } from '../../returns/produce.ts';
import { withDatabase } from '../shared.ts';

const isoDate = (v: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) throw new InvalidArgumentError('must be a date as YYYY-MM-DD');
  return v;
};

const censusYear = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < FIRST_CENSUS_YEAR || n > LAST_CENSUS_YEAR)
    throw new InvalidArgumentError(`must be a year from ${String(FIRST_CENSUS_YEAR)} (the year the census ends on 31 March)`);
  return n;
};

const err = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

function progress(p: BuildProgress): void {
  const pct = p.total === 0 ? 100 : Math.round((100 * p.done) / p.total);
  err(`${p.stage}: ${String(p.done)}/${String(p.total)} (${String(pct)}%)`);
}

export function registerReturns(program: Command): void {
  const returns = program.command('returns').description('build the statutory returns (DfE CIN census, Ofsted Annex A)');
  returns
    .command('cin')
    .description('the Children in Need census for the year ending 31 March of --year, as the DfE XML')
    .requiredOption('--year <year>', 'census year (the year it ends, e.g. 2026 for April 2025 to March 2026)', censusYear)
    .requiredOption('--out <file>', 'where to write the XML')
    .action(async (options: { year: number; out: string }) => {
      await withDatabase(async (_handle, deps) => {
        const file = createWriteStream(options.out);
        const outcome = await produceCensus(deps, systemContext('hearth returns cin'), options.year, file, progress);
        file.end();
        await finished(file);
        const errors = outcome.failures.filter((f) => f.type === 'error');
        const queries = outcome.failures.filter((f) => f.type === 'query');
        err(`Wrote ${options.out}: ${String(outcome.children)} children; ${String(errors.length)} validation errors, ${String(queries.length)} queries.`);
        for (const f of outcome.failures.slice(0, 50)) err(`  ${f.code} ${f.laChildId ?? 'return'} ${f.where}: ${f.message}`);
        if (outcome.failures.length > 50) err(`  … and ${String(outcome.failures.length - 50)} more (see the Returns page)`);
        if (errors.length > 0) process.exitCode = 3;
      });
    });
  returns
    .command('annex-a')
    .description('Ofsted Annex A Lists 1-7 for the 6 or 12 months ending on --to (or from --from to --to), as .xlsx')
    .requiredOption('--to <date>', 'last day of the window (YYYY-MM-DD)', isoDate)
    .option('--from <date>', 'first day of the window (YYYY-MM-DD); default: --months before --to', isoDate)
    .option('--months <n>', '6 or 12 (default 12)', (v) => {
      if (v !== '6' && v !== '12') throw new InvalidArgumentError('must be 6 or 12');
      return Number(v) as 6 | 12;
    })
    .requiredOption('--out <file>', 'where to write the workbook')
    .action(async (options: { to: string; from?: string; months?: 6 | 12; out: string }) => {
      const window = options.from === undefined ? annexWindow(options.to, options.months ?? 12) : { from: options.from, to: options.to };
      if (LocalDate.parse(window.from).isAfter(LocalDate.parse(window.to))) throw new InvalidArgumentError('--from must be on or before --to');
      await withDatabase(async (_handle, deps) => {
        const file = createWriteStream(options.out);
        const outcome = await produceAnnexA(deps, systemContext('hearth returns annex-a'), window, file, progress);
        await finished(file);
        err(
          `Wrote ${options.out} (${window.from} to ${window.to}): ${Object.entries(outcome.rows)
            .map(([l, n]) => `List ${l}: ${String(n)}`)
            .join(', ')}.`,
        );
      });
    });
}
