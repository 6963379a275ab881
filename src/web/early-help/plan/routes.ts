// Agree the early help plan: the family's consent (who and when; no consent, no plan), the outcomes,
// and up to five actions with who will do each and by when.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { recordEarlyHelpPlan, openPlanForm } from '../../../app/early-help/early-help-plan.ts';
import type { OpenedEpisode } from '../../../app/early-help/episode-access.ts';
import { EARLY_HELP_MESSAGES } from '../../../app/early-help/input.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { StaleVersionError, ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { PLAN_REVIEW } from '../../../domain/early-help/timescales.ts';
import { formStrings, uuidParam } from '../../front-door/shared.ts';
import { childHeaderContext, linkDateErrors } from '../../records/shared.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { errorSummary, errorsByField } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { backToSummary, dateItems, postedDate, postedInt } from '../shared.ts';

export const ACTION_ROWS = [1, 2, 3, 4, 5] as const;
const FIELDS = [
  'familyConsents',
  'consentGivenBy',
  'consentGivenOn',
  'outcomes',
  'agreedOn',
  'actions',
  ...ACTION_ROWS.flatMap((n) => [`action${String(n)}`, `owner${String(n)}`, `dueOn${String(n)}`]),
  'version',
];
const DATE_FIELDS = ['consentGivenOn', 'agreedOn', ...ACTION_ROWS.map((n) => `dueOn${String(n)}`)];

/** `actions.0.owner` from the schema is the form's `owner1`. */
function formErrorsOf(errors: FieldErrors, rowOfIndex: readonly number[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const m = /^actions\.(\d+)\.(action|owner|dueOn)$/.exec(key);
    const row = m === null ? undefined : rowOfIndex[Number(m[1])];
    out[m === null || row === undefined ? key : `${m[2] ?? ''}${String(row)}`] ??= message;
  }
  return out;
}

export async function earlyHelpPlanRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(reply: FastifyReply, episodeId: string, values: Record<string, string>, errors: FieldErrors, opened?: OpenedEpisode) {
    let form: Awaited<ReturnType<typeof openPlanForm>>;
    try {
      form = opened ?? (await openPlanForm(deps, requestContext(reply.request), episodeId, { audit: false }));
    } catch (error) {
      // The step is no longer (or not yet) open: back to the early help summary, which says why.
      return backToSummary(reply, error);
    }
    const has = (f: string) => errors[f] !== undefined;
    return reply.view('early-help/plan/view.njk', {
      ...childHeaderContext(form.child, deps.clock.now(), 'early-help'),
      values,
      version: form.episode.version,
      reviewRule: PLAN_REVIEW,
      consentDateItems: dateItems(values, 'consentGivenOn', has('consentGivenOn')),
      agreedDateItems: dateItems(values, 'agreedOn', has('agreedOn')),
      actionRows: ACTION_ROWS.map((n) => ({ n, dueItems: dateItems(values, `dueOn${String(n)}`, has(`dueOn${String(n)}`)) })),
      action: paths.earlyHelpPlan(episodeId),
      cancelHref: paths.childEarlyHelp(form.child.id),
      errorList: linkDateErrors(errorSummary(errors, FIELDS), DATE_FIELDS),
      errors: errorsByField(errors),
    });
  }

  const url = '/early-help/episodes/:earlyHelpEpisodeId/plan';
  app.get(url, { config: { permission: 'early-help:work', audit: 'early-help.plan-form.viewed' } }, async (request, reply) => {
    const episodeId = uuidParam(request.params, 'earlyHelpEpisodeId');
    try {
      const form = await openPlanForm(deps, requestContext(request), episodeId);
      return await render(reply, episodeId, {}, {}, form);
    } catch (error) {
      return backToSummary(reply, error);
    }
  });

  app.post(url, { config: { permission: 'early-help:work', audit: 'early-help.plan.agreed' }, preHandler: csrfGuard(app) }, async (request, reply) => {
    const episodeId = uuidParam(request.params, 'earlyHelpEpisodeId');
    const values = formStrings(request.body);
    const errors: Record<string, string> = {};
    const consent = values['familyConsents'];
    const familyConsents = consent === 'yes' ? true : consent === 'no' ? false : undefined;
    if (familyConsents === undefined) errors['familyConsents'] = EARLY_HELP_MESSAGES.familyConsents;
    const consentGivenOn =
      familyConsents === true ? postedDate(values, 'consentGivenOn', 'Date consent was given', EARLY_HELP_MESSAGES.consentGivenOn, errors) : null;
    const agreedOn = postedDate(values, 'agreedOn', 'Date the plan was agreed', EARLY_HELP_MESSAGES.agreedOn, errors);
    const rowOfIndex: number[] = [];
    const actions: { action: string; owner: string; dueOn: string }[] = [];
    for (const n of ACTION_ROWS) {
      const action = (values[`action${String(n)}`] ?? '').trim();
      const owner = (values[`owner${String(n)}`] ?? '').trim();
      const dueParts = ['day', 'month', 'year'].map((p) => (values[`dueOn${String(n)}-${p}`] ?? '').trim());
      if (action === '' && owner === '' && dueParts.every((p) => p === '')) continue;
      const dueOn = postedDate(values, `dueOn${String(n)}`, 'Date the action is due by', EARLY_HELP_MESSAGES.actionDueOn, errors);
      rowOfIndex.push(n);
      actions.push({ action, owner, dueOn: dueOn ?? '' });
    }
    let done;
    try {
      done = await recordEarlyHelpPlan(deps, requestContext(request), episodeId, {
        familyConsents: familyConsents ?? false,
        consentGivenBy: familyConsents === true ? (values['consentGivenBy'] ?? '').trim() : null,
        consentGivenOn,
        outcomes: values['outcomes'] ?? '',
        agreedOn: agreedOn ?? '',
        actions,
        version: postedInt(values['version']),
      });
    } catch (error) {
      if (error instanceof ValidationError) return render(reply.code(400), episodeId, values, { ...formErrorsOf(error.fieldErrors, rowOfIndex), ...errors });
      if (error instanceof StaleVersionError) return render(reply.code(409), episodeId, values, { version: EARLY_HELP_MESSAGES.version });
      return backToSummary(reply, error);
    }
    if (Object.keys(errors).length > 0) return render(reply.code(400), episodeId, values, errors);
    return reply.redirect(`${paths.childEarlyHelp(done.childId)}?done=plan`, 303);
  });
}
