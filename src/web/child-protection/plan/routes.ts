// The plan's outcomes, actions (who, by when) and contingency plan. "Save as draft" keeps the form in
// the database; "Save and finalise" checks the plan is complete (no contingency plan, no final plan).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { openCpPlanForm, saveCpPlan, saveCpPlanDraft, type CpPlanForm } from '../../../app/child-protection/save-cp-plan.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { isStorableText } from '../../../app/shared/safe-text.ts';
import { datePartsOf, childHeaderContext, childIdOf } from '../../records/shared.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asString, errorSummary, errorsByField, formBody, type FormBody } from '../../shared/forms.ts';
import { requestContext } from '../../shared/request-context.ts';
import { cpDateFromParts, cpPaths } from '../shared.ts';

export const OUTCOME_ROWS = 6;
export const ACTION_ROWS = 8;

interface ActionValues {
  readonly action: string;
  readonly owner: string;
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

export interface PlanValues {
  readonly version: string;
  readonly outcomes: readonly string[];
  readonly actions: readonly ActionValues[];
  readonly contingencyPlan: string;
}

const str = (v: unknown): string => asString(v) ?? '';

function valuesOf(body: FormBody): PlanValues {
  return {
    version: str(body['version']),
    outcomes: Array.from({ length: OUTCOME_ROWS }, (_, i) => str(body[`outcome-${String(i + 1)}`])),
    actions: Array.from({ length: ACTION_ROWS }, (_, i) => {
      const n = String(i + 1);
      return {
        action: str(body[`action-${n}`]),
        owner: str(body[`owner-${n}`]),
        day: str(body[`actionDue-${n}-day`]),
        month: str(body[`actionDue-${n}-month`]),
        year: str(body[`actionDue-${n}-year`]),
      };
    }),
    contingencyPlan: str(body['contingencyPlan']),
  };
}

function valuesFromPlan(form: CpPlanForm): PlanValues {
  const { plan } = form;
  return {
    version: String(plan.version),
    outcomes: Array.from({ length: OUTCOME_ROWS }, (_, i) => plan.outcomes[i]?.description ?? ''),
    actions: Array.from({ length: ACTION_ROWS }, (_, i) => {
      const a = plan.actions[i];
      const parts = datePartsOf(a?.dueOn ?? null);
      return { action: a?.action ?? '', owner: a?.owner ?? '', ...parts };
    }),
    contingencyPlan: plan.contingencyPlan ?? '',
  };
}

/** The draft as stored: the same fields the form posts. */
function draftBody(values: PlanValues): Record<string, string> {
  const out: Record<string, string> = { contingencyPlan: values.contingencyPlan };
  values.outcomes.forEach((o, i) => (out[`outcome-${String(i + 1)}`] = o));
  values.actions.forEach((a, i) => {
    const n = String(i + 1);
    out[`action-${n}`] = a.action;
    out[`owner-${n}`] = a.owner;
    out[`actionDue-${n}-day`] = a.day;
    out[`actionDue-${n}-month`] = a.month;
    out[`actionDue-${n}-year`] = a.year;
  });
  return out;
}

function inputOf(values: PlanValues):
  | {
      input: { version: number; outcomes: string[]; actions: { action: string; owner: string | null; dueOn: string | null }[]; contingencyPlan: string | null };
    }
  | { errors: FieldErrors } {
  const errors: Record<string, string> = {};
  const tooLong = (text: string, max: number) => text.length > max || !isStorableText(text);
  const outcomes = values.outcomes.map((o) => o.trim()).filter((o) => o !== '');
  if (outcomes.some((o) => tooLong(o, 2000))) errors['outcomes'] = 'Each outcome must be 2000 characters or fewer';
  const actions: { action: string; owner: string | null; dueOn: string | null }[] = [];
  values.actions.forEach((a, i) => {
    const blank = a.action.trim() === '' && a.owner.trim() === '' && a.day === '' && a.month === '' && a.year === '';
    if (blank) return;
    const n = String(i + 1);
    if (a.action.trim() === '') errors[`action-${n}`] = `Enter action ${n}, or clear its other fields`;
    else if (tooLong(a.action, 2000)) errors[`action-${n}`] = `Action ${n} must be 2000 characters or fewer`;
    if (tooLong(a.owner, 200)) errors[`owner-${n}`] = `Who does action ${n} must be 200 characters or fewer`;
    let dueOn: string | null = null;
    if (a.day !== '' || a.month !== '' || a.year !== '') {
      const date = cpDateFromParts(a, `The date for action ${n}`, `Enter the date for action ${n}`);
      if ('error' in date) errors[`actionDue-${n}`] = date.error;
      else dueOn = date.iso;
    }
    actions.push({ action: a.action.trim(), owner: a.owner.trim() === '' ? null : a.owner.trim(), dueOn });
  });
  const contingency = values.contingencyPlan.trim();
  if (tooLong(contingency, 10000)) errors['contingencyPlan'] = 'The contingency plan must be 10000 characters or fewer';
  const version = Number.parseInt(values.version, 10);
  if (!Number.isSafeInteger(version) || version < 1 || version > 2_147_483_647) errors['outcomes'] ??= 'The form is out of date: reload the page';
  if (Object.keys(errors).length > 0) return { errors };
  return { input: { version, outcomes, actions, contingencyPlan: contingency === '' ? null : contingency } };
}

const FIELDS = [
  'outcomes',
  ...Array.from({ length: ACTION_ROWS }, (_, i) => [`action-${String(i + 1)}`, `owner-${String(i + 1)}`, `actionDue-${String(i + 1)}`]).flat(),
  'actions',
  'contingencyPlan',
];

export async function planRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  function render(reply: FastifyReply, form: CpPlanForm, values: PlanValues, errors: FieldErrors, banner: string | null) {
    const childId = form.child.id;
    return reply.view('child-protection/plan/view.njk', {
      ...childHeaderContext(form.child, deps.clock.now(), 'child-protection-plan'),
      values,
      banner,
      finalised: form.plan.finalisedAt !== null,
      action: cpPaths.editPlan(childId),
      backHref: cpPaths.plan(childId),
      errorList: errorSummary(errors, FIELDS).map((item) =>
        item.href.startsWith('#actionDue-')
          ? { ...item, href: `${item.href}-day` }
          : item.href === '#outcomes'
            ? { ...item, href: '#outcome-1' }
            : item.href === '#actions'
              ? { ...item, href: '#action-1' }
              : item,
      ),
      errors: errorsByField(errors),
    });
  }

  app.get(
    '/children/:childId/child-protection-plan/plan',
    { config: { permission: 'child-protection:record', audit: 'child-protection.plan-form.viewed' } },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const form = await openCpPlanForm(deps, requestContext(request), childId);
      const query = request.query as Record<string, unknown>;
      const values = form.draft === null ? valuesFromPlan(form) : { ...valuesOf(form.draft), version: String(form.plan.version) };
      return render(reply, form, values, {}, query['draft'] === 'saved' ? 'draft-saved' : form.draft !== null ? 'draft-restored' : null);
    },
  );

  app.post(
    '/children/:childId/child-protection-plan/plan',
    { config: { permission: 'child-protection:record', audit: 'child-protection.plan.finalised' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const ctx = requestContext(request);
      const body = formBody(request.body);
      const values = valuesOf(body);
      if (body['action'] === 'draft') {
        await saveCpPlanDraft(deps, ctx, childId, draftBody(values));
        return reply.redirect(`${cpPaths.editPlan(childId)}?draft=saved`, 303);
      }
      const parsed = inputOf(values);
      if ('errors' in parsed) return render(reply.code(400), await openCpPlanForm(deps, ctx, childId, { audit: false }), values, parsed.errors, null);
      try {
        await saveCpPlan(deps, ctx, childId, parsed.input);
        return await reply.redirect(`${cpPaths.plan(childId)}?planSaved=1`, 303);
      } catch (error) {
        if (error instanceof ValidationError)
          return render(reply.code(400), await openCpPlanForm(deps, ctx, childId, { audit: false }), values, error.fieldErrors, null);
        throw error;
      }
    },
  );
}
