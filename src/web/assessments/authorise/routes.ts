// The team manager's page for a submitted assessment: authorise it with an outcome and rationale
// (which opens the next record), or return it to the worker with what needs to change.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { returnAssessmentInput } from '../../../app/assessments/assessment-input.ts';
import { authoriseAssessment } from '../../../app/assessments/authorise-assessment.ts';
import { returnAssessment } from '../../../app/assessments/return-assessment.ts';
import { viewAssessment, type AssessmentPage } from '../../../app/assessments/view-assessments.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import {
  ASSESSMENT_OUTCOME_CODES,
  ASSESSMENT_OUTCOME_HINTS,
  ASSESSMENT_OUTCOMES,
  SPECIALIST_SERVICES,
  type SpecialistService,
} from '../../../domain/assessments/outcome.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asString, errorSummary, errorsByField, formBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { childHeaderContext } from '../../records/shared.ts';
import { assessmentOf } from '../params.ts';
import { assessmentSummary } from '../view-model.ts';

const FIELDS = ['outcome', 'specialistService', 'familyConsent', 'rationale', 'comments'];

interface AuthoriseFormValues {
  readonly outcome: string;
  readonly specialistService: string;
  readonly familyConsent: boolean;
  readonly rationale: string;
  readonly comments: string;
}

const EMPTY: AuthoriseFormValues = { outcome: '', specialistService: '', familyConsent: false, rationale: '', comments: '' };

export async function authoriseAssessmentRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  function render(reply: FastifyReply, page: AssessmentPage, values: AuthoriseFormValues, errors: FieldErrors) {
    const a = page.assessment;
    return reply.view('assessments/authorise/view.njk', {
      ...childHeaderContext(page.child, deps.clock.now(), 'assessments'),
      assessment: assessmentSummary(a, page.timescale),
      version: a.version,
      values,
      action: paths.authoriseAssessment(a.id),
      outcomeItems: ASSESSMENT_OUTCOME_CODES.map((code) => ({
        value: code,
        text: ASSESSMENT_OUTCOMES[code],
        hint: { text: ASSESSMENT_OUTCOME_HINTS[code] },
        checked: values.outcome === code,
      })),
      specialistItems: [
        { value: '', text: 'Choose a service', selected: values.specialistService === '' },
        ...(Object.keys(SPECIALIST_SERVICES) as SpecialistService[]).map((code) => ({
          value: code,
          text: SPECIALIST_SERVICES[code],
          selected: values.specialistService === code,
        })),
      ],
      errorList: errorSummary(errors, FIELDS),
      errors: errorsByField(errors),
    });
  }

  const url = '/assessments/:submittedAssessmentId/authorise';
  const open = (reply: FastifyReply, childId: string, assessmentId: string, audit: boolean) =>
    viewAssessment(deps, requestContext(reply.request), childId, assessmentId, {
      action: 'change',
      auditAs: audit ? 'assessments.authorisation-form.viewed' : false,
    });

  app.get(url, { config: { permission: 'assessments:authorise', audit: 'assessments.authorisation-form.viewed' } }, async (request, reply) => {
    const { childId, assessmentId } = await assessmentOf(deps, request.params, 'submittedAssessmentId');
    const page = await open(reply, childId, assessmentId, true);
    if (!page.mayAuthorise) return reply.redirect(paths.assessment(assessmentId), 303);
    return render(reply, page, EMPTY, {});
  });

  app.post(
    url,
    { config: { permission: 'assessments:authorise', audit: 'assessments.assessment.authorised' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const { childId, assessmentId } = await assessmentOf(deps, request.params, 'submittedAssessmentId');
      const body = formBody(request.body);
      const values: AuthoriseFormValues = {
        outcome: asString(body['outcome']) ?? '',
        specialistService: asString(body['specialistService']) ?? '',
        familyConsent: body['familyConsent'] === 'yes',
        rationale: asString(body['rationale']) ?? '',
        comments: asString(body['comments']) ?? '',
      };
      const version = z.coerce.number().int().positive().catch(0).parse(body['version']);
      const ctx = requestContext(request);
      try {
        if (body['action'] === 'return') {
          const parsed = returnAssessmentInput.safeParse({ comments: values.comments, version });
          if (!parsed.success) throw new ValidationError({ comments: fieldErrorsOf(parsed.error)['comments'] ?? 'Enter what needs to change' });
          await returnAssessment(deps, ctx, childId, assessmentId, parsed.data);
          return await reply.redirect(`${paths.assessment(assessmentId)}?returned=1`, 303);
        }
        if (values.rationale.length > 5000) throw new ValidationError({ rationale: 'The rationale must be 5000 characters or fewer' });
        await authoriseAssessment(deps, ctx, childId, assessmentId, {
          outcome: values.outcome,
          rationale: values.rationale.trim(),
          specialistService: values.specialistService === '' ? null : values.specialistService,
          familyConsent: values.outcome === 'step_down_early_help' ? values.familyConsent : null,
          version,
        });
        return await reply.redirect(`${paths.assessment(assessmentId)}?authorised=1`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), await open(reply, childId, assessmentId, false), values, error.fieldErrors);
        throw error;
      }
    },
  );
}
