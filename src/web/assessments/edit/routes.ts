// Write a child and family assessment: GET shows the long form with what is saved; POST saves it
// ("Save and come back later") or saves and submits it to the team manager.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { saveAssessment } from '../../../app/assessments/save-assessment.ts';
import { viewAssessment, type AssessmentPage } from '../../../app/assessments/view-assessments.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { StaleVersionError, ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { ASSESSMENT_SECTIONS, PLANNING_CHECKLIST, PLANNING_ITEMS } from '../../../domain/assessments/child-and-family-assessment.ts';
import { ASSESSMENT_FACTOR_CODES } from '../../../domain/shared/codes/dfe/assessment-factors.ts';
import { PRIMARY_NEED_CODES } from '../../../domain/shared/codes/dfe/primary-need.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { errorSummary, errorsByField, formBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { childHeaderContext, instantText, linkDateErrors } from '../../records/shared.ts';
import { assessmentOf } from '../params.ts';
import { assessmentSummary, factorLabel, paragraphsOf, primaryNeedLabel } from '../view-model.ts';
import { contentOf, DATE_FIELDS, FIELDS, formValues, storedValues, type AssessmentFormValues } from './schema.ts';

type Banner = 'saved' | 'stale' | null;

export async function editAssessmentRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  function render(reply: FastifyReply, page: AssessmentPage, values: AssessmentFormValues, errors: FieldErrors, banner: Banner) {
    const a = page.assessment;
    return reply.view('assessments/edit/view.njk', {
      ...childHeaderContext(page.child, deps.clock.now(), 'assessments'),
      assessment: assessmentSummary(a, page.timescale),
      returns: page.returns.map((r) => ({ returnedBy: r.returnedByName, returnedAt: instantText(r.returnedAt), comments: paragraphsOf(r.comments) })),
      sections: ASSESSMENT_SECTIONS,
      values,
      version: a.version,
      action: paths.editAssessment(a.id),
      planningItems: PLANNING_ITEMS.map((k) => ({ value: k, text: PLANNING_CHECKLIST[k], checked: values.planningChecklist.includes(k) })),
      factorItems: ASSESSMENT_FACTOR_CODES.map((code) => ({
        value: code,
        text: factorLabel(code),
        checked: values.factors.includes(code),
        ...(code === '21' ? { behaviour: 'exclusive' } : {}),
      })),
      primaryNeedItems: PRIMARY_NEED_CODES.map((code) => ({ value: code, text: primaryNeedLabel(code), checked: values.primaryNeed === code })),
      banner,
      errorList: linkDateErrors(errorSummary(errors, FIELDS), DATE_FIELDS),
      errors: errorsByField(errors),
    });
  }

  const url = '/assessments/:assessmentId/edit';

  app.get(url, { config: { permission: 'assessments:record', audit: 'assessments.assessment-form.viewed' } }, async (request, reply) => {
    const { childId, assessmentId } = await assessmentOf(deps, request.params);
    const page = await viewAssessment(deps, requestContext(request), childId, assessmentId, {
      action: 'change',
      auditAs: 'assessments.assessment-form.viewed',
    });
    if (!page.mayEdit) return reply.redirect(paths.assessment(assessmentId), 303);
    const saved = (request.query as Record<string, unknown>)['saved'] === '1';
    return render(reply, page, storedValues(page.assessment), {}, saved ? 'saved' : null);
  });

  app.post(url, { config: { permission: 'assessments:record', audit: 'assessments.assessment.saved' }, preHandler: csrfGuard(app) }, async (request, reply) => {
    const { childId, assessmentId } = await assessmentOf(deps, request.params);
    const body = formBody(request.body);
    const values = formValues(body);
    const submit = body['action'] === 'submit';
    const version = Number(body['version']);
    const reopen = () => viewAssessment(deps, requestContext(request), childId, assessmentId, { action: 'change', auditAs: false });
    const parsed = contentOf(values);
    if ('errors' in parsed) return render(reply.code(400), await reopen(), values, parsed.errors, null);
    try {
      await saveAssessment(
        deps,
        requestContext(request),
        childId,
        assessmentId,
        { content: parsed.content, version: Number.isSafeInteger(version) && version > 0 ? version : 0 },
        { submit },
      );
    } catch (error) {
      if (error instanceof ValidationError) return render(reply.code(400), await reopen(), values, error.fieldErrors, null);
      if (error instanceof StaleVersionError) {
        const page = await reopen();
        if (!page.mayEdit) throw error;
        return render(reply.code(409), page, values, {}, 'stale');
      }
      throw error;
    }
    return reply.redirect(submit ? `${paths.assessment(assessmentId)}?submitted=1` : `${paths.editAssessment(assessmentId)}?saved=1`, 303);
  });
}
