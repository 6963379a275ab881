// Record that a pre-birth milestone happened (its date), or that a milestone the seed marks "if
// required" is not required (with the reason).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { openPreBirthForm } from '../../../app/pre-birth/pre-birth-plan.ts';
import { recordMilestone } from '../../../app/pre-birth/record-pre-birth.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { ALL_MILESTONES, isPreBirthMilestoneKey } from '../../../domain/pre-birth/timeline.ts';
import { childHeaderContext, linkDateErrors } from '../../records/shared.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asString, errorSummary, errorsByField, formBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { dateField, dateItems, datePartsFrom, datePartsOf, preBirthChildIdOf, type DateParts } from '../shared.ts';

const FIELDS = ['milestone', 'outcome', 'happenedOn', 'reason'];

interface Values {
  readonly milestone: string;
  readonly outcome: string;
  readonly happenedOn: DateParts;
  readonly reason: string;
}

export async function milestoneRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(reply: FastifyReply, childId: string, values: Values, errors: FieldErrors) {
    const form = await openPreBirthForm(deps, requestContext(reply.request), childId, 'pre-birth.milestone-form.viewed', {
      audit: Object.keys(errors).length === 0,
    });
    const born = form.facts.birth !== null;
    const available = ALL_MILESTONES.filter((m) => !m.afterBirth || born);
    return reply.view('pre-birth/milestone/view.njk', {
      ...childHeaderContext(form.child, deps.clock.now(), 'pre-birth'),
      milestoneItems: available.map((m) => ({
        value: m.key,
        text: m.label,
        hint: { text: m.conditional ? `${m.rule.id}: may be recorded as not required` : m.rule.id },
        checked: values.milestone === m.key,
      })),
      values,
      happenedOnItems: dateItems(values.happenedOn, errors['happenedOn'] !== undefined),
      action: paths.preBirthMilestone(childId),
      cancelHref: paths.preBirthPlan(childId),
      errorList: linkDateErrors(errorSummary(errors, FIELDS), ['happenedOn']),
      errors: errorsByField(errors),
    });
  }

  app.get(
    '/children/:preBirthChildId/pre-birth/milestone',
    { config: { permission: 'pre-birth:record', audit: 'pre-birth.milestone-form.viewed' } },
    async (request, reply) => {
      const childId = preBirthChildIdOf(request.params);
      const asked = asString((request.query as Record<string, unknown>)['milestone']) ?? '';
      return render(reply, childId, { milestone: isPreBirthMilestoneKey(asked) ? asked : '', outcome: '', happenedOn: datePartsOf(null), reason: '' }, {});
    },
  );

  app.post(
    '/children/:preBirthChildId/pre-birth/milestone',
    { config: { permission: 'pre-birth:record', audit: 'pre-birth.milestone.recorded' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const childId = preBirthChildIdOf(request.params);
      const body = formBody(request.body);
      const values: Values = {
        milestone: asString(body['milestone']) ?? '',
        outcome: asString(body['outcome']) ?? '',
        happenedOn: datePartsFrom(body, 'happenedOn'),
        reason: asString(body['reason']) ?? '',
      };
      const happenedOn = dateField(values.happenedOn, 'The date it happened');
      if (values.outcome === 'done' && 'error' in happenedOn) return render(reply.code(400), childId, values, { happenedOn: happenedOn.error });
      try {
        await recordMilestone(deps, requestContext(request), childId, {
          milestone: values.milestone === '' ? undefined : values.milestone,
          outcome: values.outcome === '' ? undefined : values.outcome,
          happenedOn: values.outcome === 'done' && 'value' in happenedOn ? happenedOn.value : undefined,
          reason: values.outcome === 'not_required' ? values.reason : undefined,
        });
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), childId, values, error.fieldErrors);
        throw error;
      }
      return reply.redirect(`${paths.preBirthPlan(childId, 'milestone')}#milestone-${values.milestone}`, 303);
    },
  );
}
