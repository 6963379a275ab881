// One child and family assessment: what it says, its status and due date, the manager's comments,
// its outcome and next step; the letter to the child as a Word document; recording the next step done.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { nextStepDoneInput } from '../../../app/assessments/assessment-input.ts';
import { assessmentLetterDocx } from '../../../app/assessments/letter-docx.ts';
import { recordNextStepDone } from '../../../app/assessments/record-next-step-done.ts';
import { viewAssessment } from '../../../app/assessments/view-assessments.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import type { FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asString, errorSummary, errorsByField, formBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { childHeaderContext, instantText } from '../../records/shared.ts';
import { assessmentOf } from '../params.ts';
import { assessmentSummary, nextStepSummary, paragraphsOf } from '../view-model.ts';

function summaryRows(a: ReturnType<typeof assessmentSummary>) {
  const notYet = 'Not yet recorded';
  const seenAlone = a.childSeenAloneOn ?? (a.notSeenAloneReason === null ? notYet : `Not seen alone: ${a.notSeenAloneReason}`);
  return [
    { key: { text: 'Referred' }, value: { text: a.referredOn } },
    { key: { text: 'Social worker' }, value: { text: `${a.worker}, ${a.team}` } },
    { key: { text: 'Child seen' }, value: { text: a.childSeenOn ?? notYet } },
    { key: { text: 'Child seen alone' }, value: { text: seenAlone } },
    { key: { text: 'Factors identified' }, value: { text: a.factors.length === 0 ? notYet : a.factors.join('; ') } },
    { key: { text: 'Primary need' }, value: { text: a.primaryNeed ?? notYet } },
    ...(a.submittedAt === null ? [] : [{ key: { text: 'Submitted' }, value: { text: `${a.submittedAt} by ${a.submittedBy ?? ''}` } }]),
  ];
}

const BANNERS = ['started', 'submitted', 'returned', 'authorised', 'step-done'] as const;

export async function assessmentPageRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(reply: FastifyReply, childId: string, assessmentId: string, audit: boolean, errors: FieldErrors = {}, noteValue = '') {
    const page = await viewAssessment(deps, requestContext(reply.request), childId, assessmentId, audit ? {} : { auditAs: false });
    const flag = Object.keys(reply.request.query as Record<string, unknown>).find((k) => (BANNERS as readonly string[]).includes(k)) ?? null;
    const assessment = assessmentSummary(page.assessment, page.timescale);
    return reply.view('assessments/assessment/view.njk', {
      ...childHeaderContext(page.child, deps.clock.now(), 'assessments'),
      assessment,
      summaryRows: summaryRows(assessment),
      returns: page.returns.map((r) => ({ returnedBy: r.returnedByName, returnedAt: instantText(r.returnedAt), comments: paragraphsOf(r.comments) })),
      nextStep: page.nextStep === null ? null : nextStepSummary(page.nextStep),
      // The early help queue, which the assessing social worker and their manager can open (the MASH's
      // own list at /early-help-referrals is for front-door staff only).
      earlyHelpHref: page.assessment.outcome === 'step_down_early_help' ? paths.earlyHelpQueue() : null,
      cinPlanHref: page.assessment.outcome === 'cin_plan' ? paths.childInNeed(childId) : null,
      strategyHref: page.assessment.outcome === 'strategy_s47' ? paths.childProtection(childId) : null,
      mayEdit: page.mayEdit,
      mayAuthorise: page.mayAuthorise,
      mayRecordNextStep: page.mayRecordNextStep,
      editHref: paths.editAssessment(assessmentId),
      authoriseHref: paths.authoriseAssessment(assessmentId),
      letterHref: paths.assessmentLetter(assessmentId),
      listHref: paths.childAssessments(childId),
      banner: errors['note'] === undefined ? flag : null,
      noteValue,
      errorList: errorSummary(errors, ['note']),
      errors: errorsByField(errors),
    });
  }

  app.get('/assessments/:assessmentId', { config: { permission: 'people:view-child', audit: 'assessments.assessment.viewed' } }, async (request, reply) => {
    const { childId, assessmentId } = await assessmentOf(deps, request.params);
    return render(reply, childId, assessmentId, true);
  });

  app.get(
    '/assessments/:assessmentId/letter.docx',
    { config: { permission: 'people:view-child', audit: 'assessments.letter.exported' } },
    async (request, reply) => {
      const { childId, assessmentId } = await assessmentOf(deps, request.params);
      const letter = await assessmentLetterDocx(deps, requestContext(request), childId, assessmentId);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="${letter.filename}"`)
        .header('cache-control', 'no-store')
        .send(letter.content);
    },
  );

  app.post(
    '/assessments/:authorisedAssessmentId/next-step/done',
    { config: { permission: 'assessments:record', audit: 'assessments.next-step.done' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const { childId, assessmentId } = await assessmentOf(deps, request.params, 'authorisedAssessmentId');
      const body = formBody(request.body);
      const note = (asString(body['note']) ?? '').trim();
      const parsed = nextStepDoneInput.safeParse({ note: note === '' ? null : note });
      if (!parsed.success) {
        const errors = fieldErrorsOf(parsed.error);
        if (errors['note'] !== undefined) return render(reply.code(400), childId, assessmentId, false, { note: errors['note'] }, note);
      }
      await recordNextStepDone(deps, requestContext(request), childId, assessmentId, parsed.success ? parsed.data : { note: null });
      return reply.redirect(`${paths.assessment(assessmentId)}?step-done=1`, 303);
    },
  );
}
