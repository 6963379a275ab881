// The MASH decision, by a MASH manager, due within one working day of receipt. Each outcome starts
// the next step's record: a social care referral in the chosen team's queue, or an early help referral.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { recordMashDecision } from '../../../app/front-door/record-mash-decision.ts';
import { decisionInput } from '../../../app/front-door/screening-input.ts';
import { openScreeningForm } from '../../../app/front-door/screening-forms.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { StaleVersionError, ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import { isNeedLevel, levelOfNeed } from '../../../domain/front-door/levels-of-need.ts';
import { MASH_OUTCOME_LABELS, MASH_OUTCOMES, USUAL_LEVELS } from '../../../domain/front-door/mash-decision.ts';
import { explainMashDecisionDue, mashDecisionRag } from '../../../domain/front-door/timescales.ts';
import { parseLocalDate } from '../../../domain/shared/time/local-date.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { errorSummary, errorsByField, primaryNeedItems } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { todayInLondon } from '../../shared/today.ts';
import { submissionOf } from '../../shared/submission.ts';
import { dueView, formStrings, ragView, uuidParam } from '../shared.ts';

const FIELDS = ['outcome', 'teamId', 'primaryNeed', 'familyConsentsToEarlyHelp', 'rationale'];
const yesNo = (v: string | undefined): boolean | null => (v === 'yes' ? true : v === 'no' ? false : null);

export async function decisionRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  const url = '/front-door/contacts/:contactId/decision';

  async function render(reply: FastifyReply, contactId: string, values: Record<string, string> | null, errors: FieldErrors) {
    const form = await openScreeningForm(deps, requestContext(reply.request), contactId, 'decision');
    const c = form.contact;
    const v = values ?? { version: String(c.version) };
    const receivedOn = parseLocalDate(c.receivedOn);
    const level = c.needLevel !== null && isNeedLevel(c.needLevel) ? levelOfNeed(c.needLevel) : null;
    return reply.view('front-door/decision/view.njk', {
      reference: c.reference,
      childNames: form.childNames,
      contactHref: paths.contact(contactId),
      action: paths.contactDecision(contactId),
      values: v,
      level: level?.label ?? null,
      due: dueView(explainMashDecisionDue(receivedOn)),
      rag: ragView(mashDecisionRag(receivedOn, todayInLondon(deps.clock.now()))),
      outcomeItems: MASH_OUTCOMES.map((o) => ({
        value: o,
        text: MASH_OUTCOME_LABELS[o],
        hint: { text: `Usually level ${USUAL_LEVELS[o].join(' or ')}` },
        checked: v['outcome'] === o,
      })),
      teamItems: [{ value: '', text: 'Select a team', selected: (v['teamId'] ?? '') === '' }, ...form.teams.map((t) => ({ value: t.id, text: t.name, selected: v['teamId'] === t.id }))],
      primaryNeedItems: primaryNeedItems(v['primaryNeed']),
      errorList: errorSummary(errors, FIELDS),
      errors: errorsByField(errors),
    });
  }

  app.get(url, { config: { permission: 'front-door:decide', audit: 'front-door.screening-form.viewed' } }, async (request, reply) =>
    render(reply, uuidParam(request.params, 'contactId'), null, {}),
  );

  app.post(url, { config: { permission: 'front-door:decide', audit: 'front-door.decision.recorded' }, preHandler: csrfGuard(app) }, async (request, reply) => {
    const contactId = uuidParam(request.params, 'contactId');
    const values = formStrings(request.body);
    const parsed = decisionInput.safeParse({
      outcome: values['outcome'],
      teamId: values['teamId'] === undefined || values['teamId'] === '' ? null : values['teamId'],
      familyConsentsToEarlyHelp: yesNo(values['familyConsentsToEarlyHelp']),
      primaryNeed: values['primaryNeed'] === undefined || values['primaryNeed'] === '' ? null : values['primaryNeed'],
      rationale: values['rationale'],
      version: Number(values['version']),
    });
    if (!parsed.success) return render(reply.code(400), contactId, values, fieldErrorsOf(parsed.error));
    const location = `${paths.contact(contactId)}?saved=decision`;
    try {
      await recordMashDecision(deps, requestContext(request), contactId, parsed.data, submissionOf(request, parsed.data, location));
    } catch (error) {
      if (error instanceof ValidationError) return render(reply.code(400), contactId, values, error.fieldErrors);
      if (error instanceof StaleVersionError) return render(reply.code(409), contactId, { ...values, version: '' }, { outcome: 'Someone else changed this contact: reload it, check the screening and decide again' });
      throw error;
    }
    return reply.redirect(location, 303);
  });
}
