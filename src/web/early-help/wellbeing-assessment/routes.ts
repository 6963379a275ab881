// The Signs of Safety wellbeing assessment: GET shows the form (with the worker's saved draft); POST
// completes it, or with "Save and come back later" keeps what was typed in the draft table.
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  completeWellbeingAssessment,
  discardWellbeingAssessmentDraft,
  openWellbeingAssessmentForm,
  saveWellbeingAssessmentDraft,
  type AssessmentForm,
} from '../../../app/early-help/wellbeing-assessment.ts';
import { EARLY_HELP_MESSAGES } from '../../../app/early-help/input.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { StaleVersionError, ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { explainWellbeingAssessmentDue } from '../../../domain/early-help/timescales.ts';
import { parseLocalDate } from '../../../domain/shared/time/local-date.ts';
import { dueView, formStrings, uuidParam } from '../../front-door/shared.ts';
import { childHeaderContext, linkDateErrors } from '../../records/shared.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { errorSummary, errorsByField } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { backToSummary, dateItems, postedDate, postedInt, scalingItems } from '../shared.ts';

const FIELDS = ['worries', 'workingWell', 'needsToHappen', 'scaling', 'childsVoice', 'completedOn', 'version'];
const TEXT_FIELDS = ['worries', 'workingWell', 'needsToHappen', 'childsVoice'] as const;
type Banner = 'draft-saved' | 'draft-restored' | 'draft-discarded' | null;

export async function wellbeingAssessmentRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(reply: FastifyReply, episodeId: string, values: Record<string, string>, errors: FieldErrors, banner: Banner, opened?: AssessmentForm) {
    let form: Awaited<ReturnType<typeof openWellbeingAssessmentForm>>;
    try {
      form = opened ?? (await openWellbeingAssessmentForm(deps, requestContext(reply.request), episodeId, { audit: false }));
    } catch (error) {
      // The step is no longer (or not yet) open: back to the early help summary, which says why.
      return backToSummary(reply, error);
    }
    return reply.view('early-help/wellbeing-assessment/view.njk', {
      ...childHeaderContext(form.child, deps.clock.now(), 'early-help'),
      values,
      version: form.episode.version,
      due: dueView(explainWellbeingAssessmentDue(parseLocalDate(form.episode.referredOn))),
      scalingItems: scalingItems(values['scaling'] ?? ''),
      dateItems: dateItems(values, 'completedOn', errors['completedOn'] !== undefined),
      banner,
      hasDraft: form.draft !== null,
      action: paths.wellbeingAssessment(episodeId),
      discardAction: paths.discardWellbeingAssessmentDraft(episodeId),
      cancelHref: paths.childEarlyHelp(form.child.id),
      errorList: linkDateErrors(errorSummary(errors, FIELDS), ['completedOn']),
      errors: errorsByField(errors),
    });
  }

  const url = '/early-help/episodes/:earlyHelpEpisodeId/wellbeing-assessment';
  app.get(url, { config: { permission: 'early-help:work', audit: 'early-help.wellbeing-assessment-form.viewed' } }, async (request, reply) => {
    const episodeId = uuidParam(request.params, 'earlyHelpEpisodeId');
    try {
      const form = await openWellbeingAssessmentForm(deps, requestContext(request), episodeId);
      const flag = (request.query as Record<string, unknown>)['draft'];
      const banner: Banner = flag === 'saved' ? 'draft-saved' : flag === 'discarded' ? 'draft-discarded' : form.draft !== null ? 'draft-restored' : null;
      return await render(reply, episodeId, form.draft === null ? {} : { ...form.draft }, {}, banner, form);
    } catch (error) {
      return backToSummary(reply, error);
    }
  });

  app.post(
    url,
    { config: { permission: 'early-help:work', audit: 'early-help.wellbeing-assessment.completed' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const episodeId = uuidParam(request.params, 'earlyHelpEpisodeId');
      const values = formStrings(request.body);
      try {
        if (values['action'] === 'draft') {
          const draft = { scaling: values['scaling'] ?? '', ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, values[f] ?? ''])) } as Record<
            (typeof TEXT_FIELDS)[number] | 'scaling',
            string
          >;
          await saveWellbeingAssessmentDraft(deps, requestContext(request), episodeId, draft);
          return await reply.redirect(`${paths.wellbeingAssessment(episodeId)}?draft=saved`, 303);
        }
        const errors: Record<string, string> = {};
        const completedOn = postedDate(values, 'completedOn', 'Date the assessment was completed', EARLY_HELP_MESSAGES.completedOn, errors);
        let done;
        try {
          done = await completeWellbeingAssessment(deps, requestContext(request), episodeId, {
            worries: values['worries'] ?? '',
            workingWell: values['workingWell'] ?? '',
            needsToHappen: values['needsToHappen'] ?? '',
            scaling: postedInt(values['scaling']),
            childsVoice: values['childsVoice'] ?? '',
            completedOn: completedOn ?? '',
            version: postedInt(values['version']),
          });
        } catch (error) {
          if (error instanceof ValidationError) return await render(reply.code(400), episodeId, values, { ...error.fieldErrors, ...errors }, null);
          if (error instanceof StaleVersionError) return await render(reply.code(409), episodeId, values, { version: EARLY_HELP_MESSAGES.version }, null);
          throw error;
        }
        if (Object.keys(errors).length > 0) return await render(reply.code(400), episodeId, values, errors, null);
        return await reply.redirect(`${paths.childEarlyHelp(done.childId)}?done=assessment`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), episodeId, values, error.fieldErrors, null);
        return backToSummary(reply, error);
      }
    },
  );

  app.post(
    `${url}/discard-draft`,
    { config: { permission: 'early-help:work', audit: 'early-help.wellbeing-assessment-draft.discarded' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const episodeId = uuidParam(request.params, 'earlyHelpEpisodeId');
      try {
        await discardWellbeingAssessmentDraft(deps, requestContext(request), episodeId);
        return await reply.redirect(`${paths.wellbeingAssessment(episodeId)}?draft=discarded`, 303);
      } catch (error) {
        return backToSummary(reply, error);
      }
    },
  );
}
