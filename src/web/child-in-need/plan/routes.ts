// Writing the plan: outcomes (with how everyone will know), actions (who, by when), the contingency
// plan and the child's views. "Save and come back later" keeps the draft in the database; "Agree and
// finalise" is refused without a contingency plan (seed 001) and records the quality check.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { finalisePlan, openPlanForm, savePlanDraft, type PlanForm } from '../../../app/child-in-need/edit-plan.ts';
import { planContentOf, type RawPlanInput } from '../../../app/child-in-need/plan-input.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { PLAN_LIMITS, type PlanContent } from '../../../domain/child-in-need/plan.ts';
import { QUALITY_FLAG_TEXT } from '../../../domain/child-in-need/plan-quality.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asString, errorSummary, errorsByField, formBody, type FormBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { childHeaderContext, childIdOf, datePartsOf, isoFromDateParts, linkDateErrors, type DateParts } from '../../records/shared.ts';
import { planFieldsOf } from '../shared.ts';

interface OutcomeRow {
  readonly outcome: string;
  readonly measure: string;
}
interface ActionRow {
  readonly action: string;
  readonly owner: string;
  readonly due: DateParts;
}
interface PlanFormValues {
  readonly outcomes: readonly OutcomeRow[];
  readonly actions: readonly ActionRow[];
  readonly contingency: string;
  readonly childViews: string;
}

/** Blank rows offered beyond those filled in, so more can be added with JavaScript off. */
const SPARE_OUTCOMES = 2;
const SPARE_ACTIONS = 3;

function valuesOf(content: PlanContent): PlanFormValues {
  return {
    outcomes: content.outcomes.map((o) => ({ outcome: o.outcome, measure: o.measure })),
    actions: content.actions.map((a) => ({ action: a.action, owner: a.owner, due: datePartsOf(a.dueOn === '' ? null : a.dueOn) })),
    contingency: content.contingency,
    childViews: content.childViews,
  };
}

function postedValues(body: FormBody): PlanFormValues {
  const text = (name: string) => asString(body[name]) ?? '';
  const outcomes: OutcomeRow[] = [];
  for (let i = 0; i < PLAN_LIMITS.outcomes; i += 1) {
    if (body[`outcome-${String(i)}`] === undefined && body[`measure-${String(i)}`] === undefined) continue;
    outcomes.push({ outcome: text(`outcome-${String(i)}`), measure: text(`measure-${String(i)}`) });
  }
  const actions: ActionRow[] = [];
  for (let i = 0; i < PLAN_LIMITS.actions; i += 1) {
    if (body[`action-${String(i)}`] === undefined && body[`owner-${String(i)}`] === undefined) continue;
    const due = { day: text(`actionDue-${String(i)}-day`), month: text(`actionDue-${String(i)}-month`), year: text(`actionDue-${String(i)}-year`) };
    actions.push({ action: text(`action-${String(i)}`), owner: text(`owner-${String(i)}`), due });
  }
  return { outcomes, actions, contingency: text('contingency'), childViews: text('childViews') };
}

/** The posted form as plan content, or the field errors (dates first, then the app's own checks). */
function contentOf(values: PlanFormValues): { content: PlanContent } | { errors: FieldErrors } {
  const dateErrors: Record<string, string> = {};
  const raw: RawPlanInput = {
    outcomes: values.outcomes,
    actions: values.actions.map((a, i) => {
      const blank = a.due.day.trim() === '' && a.due.month.trim() === '' && a.due.year.trim() === '';
      if (blank) return { action: a.action, owner: a.owner, dueOn: '' };
      const date = isoFromDateParts(a.due, 'The date the action is due by', '');
      if ('error' in date) dateErrors[`actionDue-${String(i)}`] = date.error;
      return { action: a.action, owner: a.owner, dueOn: 'iso' in date ? date.iso : '' };
    }),
    contingency: values.contingency,
    childViews: values.childViews,
  };
  const checked = planContentOf(raw);
  if ('errors' in checked) return { errors: { ...dateErrors, ...checked.errors } };
  return Object.keys(dateErrors).length > 0 ? { errors: dateErrors } : checked;
}

function fieldOrder(values: PlanFormValues): string[] {
  return [
    ...values.outcomes.flatMap((_o, i) => [`outcome-${String(i)}`, `measure-${String(i)}`]),
    'outcomes',
    ...values.actions.flatMap((_a, i) => [`action-${String(i)}`, `owner-${String(i)}`, `actionDue-${String(i)}`]),
    'actions',
    'contingency',
    'childViews',
  ];
}

export async function planRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(reply: FastifyReply, childId: string, values: PlanFormValues, errors: FieldErrors, banner: string | null, opened?: PlanForm) {
    const form = opened ?? (await openPlanForm(deps, requestContext(reply.request), childId, { audit: false }));
    const outcomeRows = [...values.outcomes, ...Array.from({ length: SPARE_OUTCOMES }, () => ({ outcome: '', measure: '' }))].slice(0, PLAN_LIMITS.outcomes);
    const actionRows = [
      ...values.actions,
      ...Array.from({ length: SPARE_ACTIONS }, () => ({ action: '', owner: '', due: { day: '', month: '', year: '' } })),
    ].slice(0, PLAN_LIMITS.actions);
    const dateFields = actionRows.map((_a, i) => `actionDue-${String(i)}`);
    return reply.view('child-in-need/plan/view.njk', {
      ...childHeaderContext(form.child, deps.clock.now(), 'child-in-need'),
      plan: form.plan,
      draftNumber: form.draft.number,
      isUpdate: form.current !== null,
      qualityFlags: form.qualityFlags.map((f) => QUALITY_FLAG_TEXT[f]),
      outcomeRows,
      actionRows,
      values,
      banner,
      action: paths.childInNeedPlan(childId),
      sectionHref: paths.childInNeed(childId),
      errorList: linkDateErrors(errorSummary(errors, fieldOrder(values)), dateFields),
      errors: errorsByField(errors),
    });
  }

  app.get(
    '/children/:childId/child-in-need/plan',
    { config: { permission: 'child-in-need:record', audit: 'child-in-need.plan-form.viewed' } },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const form = await openPlanForm(deps, requestContext(request), childId);
      const done = formBody(request.query)['done'];
      const banner = done === 'saved' ? 'saved' : done === 'started' ? 'started' : done === 'existing' ? 'existing' : null;
      return render(reply, childId, valuesOf(form.draft), {}, banner, form);
    },
  );

  app.post(
    '/children/:childId/child-in-need/plan',
    { config: { permission: 'child-in-need:record', audit: 'child-in-need.plan-draft.saved' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const body = formBody(request.body);
      const { planId, version } = planFieldsOf(body);
      const values = postedValues(body);
      const checked = contentOf(values);
      if ('errors' in checked) return render(reply.code(400), childId, values, checked.errors, null);
      try {
        if (body['action'] === 'finalise') {
          const result = await finalisePlan(deps, requestContext(request), childId, planId, version, checked.content);
          return await reply.redirect(`${paths.childInNeed(childId)}?done=${result.qualityFlags.length > 0 ? 'weak' : 'finalised'}`, 303);
        }
        await savePlanDraft(deps, requestContext(request), childId, planId, version, checked.content);
        return await reply.redirect(`${paths.childInNeedPlan(childId)}?done=saved`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), childId, values, error.fieldErrors, null);
        throw error;
      }
    },
  );
}
