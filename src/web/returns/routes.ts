// Statutory returns for performance officers (and team managers): choose the CIN census year or an
// Annex A window, start the build, watch its progress (a page that refreshes itself, so it works with
// JavaScript off), then read the validation failures with links to each child's record and download
// the file. Permission 'returns:build' (performance officers make the returns; team managers check
// their teams' records against them).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { LocalDate } from '@js-joda/core';
import { downloadReturnRun, listReturnRuns, startReturnRun, viewReturnRun, type ReturnRequest, type ReturnRunView } from '../../app/returns/return-runs.ts';
import type { AppDeps } from '../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../app/shared/errors.ts';
import { formatLongDate } from '../../domain/shared/time/local-date.ts';
import { calendarRangeProblem } from '../../domain/shared/calendar/index.ts';
import { annexWindow } from '../../returns/annex-a/window.ts';
import { CHILD_RULES, RETURN_RULES, RULES_NOT_APPLIED } from '../../returns/cin-census/rules/index.ts';
import type { CensusFailure } from '../../returns/cin-census/validate.ts';
import { RUN_STALE_AFTER_MS, startInBackground } from '../../returns/run-return.ts';
import { csrfGuard } from '../shared/csrf.ts';
import { errorSummary, errorsByField } from '../shared/forms.ts';
import { paths } from '../shared/paths.ts';
import { requestContext } from '../shared/request-context.ts';
import { formStrings, uuidParam } from '../front-door/shared.ts';

const REFRESH_SECONDS = 2;

/** The census year that contains `today` (it ends on 31 March). */
export function currentCensusYear(today: LocalDate): number {
  return today.monthValue() >= 4 ? today.year() + 1 : today.year();
}

interface FormValues {
  readonly kind: string;
  readonly year: string;
  readonly day: string;
  readonly month: string;
  readonly yearTo: string;
  readonly months: string;
}

function parseRequest(values: Record<string, string>, today: LocalDate): { request?: ReturnRequest; errors: FieldErrors } {
  const kind = values['kind'];
  if (kind === 'cin_census') {
    const year = Number(values['year']);
    const latest = currentCensusYear(today);
    if (!Number.isInteger(year) || year < latest - 5 || year > latest) return { errors: { year: 'Choose a census year' } };
    return { request: { kind: 'cin_census', year }, errors: {} };
  }
  if (kind === 'annex_a') {
    const [d, m, y] = [values['to-day'], values['to-month'], values['to-year']].map((v) => (v ?? '').trim());
    const iso = `${y ?? ''}-${(m ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
    let to: LocalDate | null = null;
    try {
      if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) to = LocalDate.parse(iso);
    } catch {
      to = null;
    }
    const errors: Record<string, string> = {};
    if (to === null) errors['to'] = 'Enter the last day of the window as a real date, for example 31 3 2026';
    else if (to.isAfter(today)) errors['to'] = 'The last day of the window must be today or in the past';
    else {
      // Annex A's timeliness columns are counted in working days, so the window must fall within the calendar.
      const outOfRange = calendarRangeProblem(to, 'The last day of the window');
      if (outOfRange !== null) errors['to'] = outOfRange;
    }
    const months = values['months'];
    if (months !== '6' && months !== '12') errors['months'] = 'Choose 6 or 12 months';
    if (to === null || Object.keys(errors).length > 0) return { errors };
    const window = annexWindow(to.toString(), months === '6' ? 6 : 12);
    return { request: { kind: 'annex_a', from: window.from, to: window.to }, errors: {} };
  }
  return { errors: { kind: 'Choose which return to build' } };
}

function runSummary(run: ReturnRunView): string {
  return run.kind === 'cin_census'
    ? `CIN census ${String((run.censusYear ?? 0) - 1)} to ${String(run.censusYear ?? 0)}`
    : `Annex A, ${formatLongDate(run.windowFrom ?? '')} to ${formatLongDate(run.windowTo ?? '')}`;
}

function isFailure(value: unknown): value is CensusFailure {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

export async function returnsRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  const today = (): LocalDate => LocalDate.parse(deps.clock.now().toISOString().slice(0, 10));

  const renderForm = async (reply: FastifyReply, ctxRequest: Parameters<typeof requestContext>[0], values: Partial<FormValues>, errors: FieldErrors) => {
    const latest = currentCensusYear(today());
    const runs = await listReturnRuns(deps, requestContext(ctxRequest));
    return reply.view('returns/view.njk', {
      years: Array.from({ length: 6 }, (_, i) => latest - i).map((y) => ({
        value: String(y),
        text: `${String(y - 1)} to ${String(y)} (1 April ${String(y - 1)} to 31 March ${String(y)})`,
        selected: values.year === String(y),
      })),
      values,
      runs: runs.map((r) => ({
        summary: runSummary(r),
        href: paths.returnRun(r.id),
        status: r.status,
        startedAt: r.startedAt.toISOString().slice(0, 16).replace('T', ' '),
        by: r.requestedBy ?? 'Command line',
      })),
      action: paths.returnRuns(),
      rulesHref: paths.returnRules(),
      errorList: errorSummary(errors, ['kind', 'year', 'to', 'months']),
      errors: errorsByField(errors),
    });
  };

  app.get('/returns', { config: { permission: 'returns:build', audit: 'none' } }, async (request, reply) => renderForm(reply, request, {}, {}));

  app.post('/returns/runs', { config: { permission: 'returns:build', audit: 'returns.run.started' }, preHandler: csrfGuard(app) }, async (request, reply) => {
    const values = formStrings(request.body);
    const formValues: Partial<FormValues> = {
      kind: values['kind'] ?? '',
      year: values['year'] ?? '',
      day: values['to-day'] ?? '',
      month: values['to-month'] ?? '',
      yearTo: values['to-year'] ?? '',
      months: values['months'] ?? '',
    };
    const parsed = parseRequest(values, today());
    if (parsed.request === undefined) return renderForm(reply.code(400), request, formValues, parsed.errors);
    const ctx = requestContext(request);
    let id: string;
    try {
      id = await startReturnRun(deps, ctx, parsed.request);
    } catch (error) {
      if (error instanceof ValidationError) return renderForm(reply.code(400), request, formValues, error.fieldErrors);
      throw error;
    }
    startInBackground(deps, ctx, id, parsed.request, request.log);
    return reply.redirect(paths.returnRun(id), 303);
  });

  app.get('/returns/runs/:runId', { config: { permission: 'returns:build', audit: 'none' } }, async (request, reply) => {
    const run = await viewReturnRun(deps, requestContext(request), uuidParam(request.params, 'runId'));
    const stale = run.status === 'running' && deps.clock.now().getTime() - run.startedAt.getTime() > RUN_STALE_AFTER_MS;
    const failures = (Array.isArray(run.failures) ? run.failures : []).filter(isFailure);
    const percent = run.total === 0 ? 0 : Math.min(100, Math.round((100 * run.done) / run.total));
    return reply.view('returns/run.njk', {
      summary: runSummary(run),
      run: { status: run.status, stage: run.stage, done: run.done, total: run.total, error: run.error, children: run.children, filename: run.outputFilename },
      percent,
      stale,
      refresh: run.status === 'running' && !stale ? REFRESH_SECONDS : null,
      isCensus: run.kind === 'cin_census',
      errorCount: failures.filter((f) => f.type === 'error').length,
      queryCount: failures.filter((f) => f.type === 'query').length,
      failureRows: failures.map((f) => [
        { text: f.code },
        { text: f.type === 'error' ? 'Error' : 'Query' },
        f.personId === null ? { text: 'The return' } : { html: `<a class="govuk-link" href="${paths.child(f.personId)}">${f.laChildId ?? ''}</a>` },
        { text: f.where },
        { text: f.message },
      ]),
      rowCounts:
        run.rowCounts !== null && typeof run.rowCounts === 'object'
          ? Object.entries(run.rowCounts as Record<string, number>).map(([list, n]) => ({ list, n }))
          : [],
      downloadHref: paths.returnRunDownload(run.id),
      backHref: paths.returns(),
    });
  });

  app.get('/returns/runs/:runId/download', { config: { permission: 'returns:build', audit: 'returns.run.downloaded' } }, async (request, reply) => {
    const file = await downloadReturnRun(deps, requestContext(request), uuidParam(request.params, 'runId'));
    const type = file.outputFilename.endsWith('.xml') ? 'application/xml; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return reply
      .header('content-type', type)
      .header('content-disposition', `attachment; filename="${file.outputFilename}"`)
      .header('cache-control', 'no-store')
      .send(file.output);
  });

  app.get('/returns/rules', { config: { permission: 'returns:build', audit: 'none' } }, async (_request, reply) => {
    const rules = [...RETURN_RULES, ...CHILD_RULES].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
    return reply.view('returns/rules.njk', {
      ruleRows: rules.map((r) => [
        { text: r.code },
        { text: r.type === 'error' ? 'Error' : 'Query' },
        { text: r.module },
        { text: r.message },
        { text: r.verified ? 'Yes' : 'No' },
      ]),
      notApplied: RULES_NOT_APPLIED.map((r) => [{ text: r.code }, { text: r.reason }]),
      backHref: paths.returns(),
    });
  });
}
