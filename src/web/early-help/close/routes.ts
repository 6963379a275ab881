// Close early help: needs met, step down to universal services, consent withdrawn, or step up to
// children's social care (a contact in the MASH queue with the early help history).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { closeEarlyHelp, openClosureForm } from '../../../app/early-help/close-early-help.ts';
import type { OpenedEpisode } from '../../../app/early-help/episode-access.ts';
import { EARLY_HELP_MESSAGES } from '../../../app/early-help/input.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { StaleVersionError, ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { CLOSURE_OUTCOME_LABELS, CLOSURE_OUTCOMES } from '../../../domain/early-help/early-help.ts';
import { formStrings, uuidParam } from '../../front-door/shared.ts';
import { childHeaderContext, linkDateErrors } from '../../records/shared.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { errorSummary, errorsByField } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { backToSummary, dateItems, postedDate, postedInt } from '../shared.ts';

const FIELDS = ['outcome', 'stepUpFamilyConsent', 'stepUpConsentReason', 'summary', 'closedOn', 'version'];
const STEP_UP_CONSENT = ['yes', 'no', 'not_asked'] as const;

export async function closeEarlyHelpRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(reply: FastifyReply, episodeId: string, values: Record<string, string>, errors: FieldErrors, opened?: OpenedEpisode) {
    let form: Awaited<ReturnType<typeof openClosureForm>>;
    try {
      form = opened ?? (await openClosureForm(deps, requestContext(reply.request), episodeId, { audit: false }));
    } catch (error) {
      // The step is no longer (or not yet) open: back to the early help summary, which says why.
      return backToSummary(reply, error);
    }
    return reply.view('early-help/close/view.njk', {
      ...childHeaderContext(form.child, deps.clock.now(), 'early-help'),
      values,
      version: form.episode.version,
      outcomes: CLOSURE_OUTCOMES.map((o) => ({ value: o, text: CLOSURE_OUTCOME_LABELS[o], checked: values['outcome'] === o })),
      dateItems: dateItems(values, 'closedOn', errors['closedOn'] !== undefined),
      action: paths.closeEarlyHelp(episodeId),
      cancelHref: paths.childEarlyHelp(form.child.id),
      errorList: linkDateErrors(errorSummary(errors, FIELDS), ['closedOn']),
      errors: errorsByField(errors),
    });
  }

  const url = '/early-help/episodes/:earlyHelpEpisodeId/close';
  app.get(url, { config: { permission: 'early-help:work', audit: 'early-help.closure-form.viewed' } }, async (request, reply) => {
    const episodeId = uuidParam(request.params, 'earlyHelpEpisodeId');
    try {
      const form = await openClosureForm(deps, requestContext(request), episodeId);
      return await render(reply, episodeId, {}, {}, form);
    } catch (error) {
      return backToSummary(reply, error);
    }
  });

  app.post(url, { config: { permission: 'early-help:work', audit: 'early-help.episode.closed' }, preHandler: csrfGuard(app) }, async (request, reply) => {
    const episodeId = uuidParam(request.params, 'earlyHelpEpisodeId');
    const values = formStrings(request.body);
    const errors: Record<string, string> = {};
    const closedOn = postedDate(values, 'closedOn', 'Date the early help ended', EARLY_HELP_MESSAGES.closedOn, errors);
    const outcome = values['outcome'] ?? '';
    const consent = values['stepUpFamilyConsent'] ?? '';
    const stepUpFamilyConsent =
      outcome === 'step_up' && (STEP_UP_CONSENT as readonly string[]).includes(consent) ? (consent as (typeof STEP_UP_CONSENT)[number]) : null;
    let result;
    try {
      result = await closeEarlyHelp(deps, requestContext(request), episodeId, {
        outcome,
        summary: values['summary'] ?? '',
        closedOn: closedOn ?? '',
        stepUpFamilyConsent,
        stepUpConsentReason: outcome === 'step_up' ? (values['stepUpConsentReason'] ?? '').trim() || null : null,
        version: postedInt(values['version']),
      });
    } catch (error) {
      if (error instanceof ValidationError) return render(reply.code(400), episodeId, values, { ...error.fieldErrors, ...errors });
      if (error instanceof StaleVersionError) return render(reply.code(409), episodeId, values, { version: EARLY_HELP_MESSAGES.version });
      return backToSummary(reply, error);
    }
    return reply.redirect(`${paths.childEarlyHelp(result.childId)}?done=${result.stepUpContact === null ? 'closed' : 'stepped-up'}`, 303);
  });
}
