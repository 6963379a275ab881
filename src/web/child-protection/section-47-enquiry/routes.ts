// A section 47 enquiry: its timescale, the work so far (child seen alone, checks, video-recorded
// interview, paediatric examination), and its outcome. "Continuing risk" shows the date the initial
// child protection conference is due by (S47-03) with how it was worked out.
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  recordSection47Outcome,
  recordSection47Progress,
  saveSection47Draft,
  viewSection47,
  type Section47Page,
} from '../../../app/child-protection/section-47-enquiry.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { StaleVersionError, ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { SECTION_47_OUTCOMES, type Section47Outcome } from '../../../domain/child-protection/section-47.ts';
import { formatLongDate } from '../../../domain/shared/time/local-date.ts';
import { dueView, ragView, uuidParam } from '../../front-door/shared.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { childHeaderContext, datePartsOf } from '../../records/shared.ts';
import { dateField, formValuesOf, LABELS, stringValues, summaryOf, text } from '../strategy-discussion-shared.ts';

type Banner = 'progress' | 'completed' | 'draft-saved' | 'draft-restored' | null;
const DATE_FIELDS = ['childSeenAloneOn', 'abeInterviewOn', 'paediatricExamOn', 'outcomeOn'];
export const SECTION_47_FORM_MESSAGES = { outcome: 'Select the outcome of the enquiry', outcomeOn: 'Enter the date of the outcome' } as const;

const isOutcome = (v: string): v is Section47Outcome => (SECTION_47_OUTCOMES as readonly string[]).includes(v);

function storedValues(page: Section47Page): Record<string, string> {
  const e = page.enquiry;
  const values: Record<string, string> = {
    childNotSeenAloneReason: e.childNotSeenAloneReason ?? '',
    checksSummary: e.checksSummary ?? '',
    findings: e.findings ?? '',
  };
  for (const field of DATE_FIELDS) {
    const parts = datePartsOf((e as unknown as Record<string, string | null>)[field] ?? null);
    values[`${field}-day`] = parts.day;
    values[`${field}-month`] = parts.month;
    values[`${field}-year`] = parts.year;
  }
  return values;
}

export async function section47EnquiryRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(reply: FastifyReply, id: string, values: Record<string, string> | null, errors: FieldErrors, banner: Banner, opened?: Section47Page) {
    const page = opened ?? (await viewSection47(deps, requestContext(reply.request), id, { audit: false }));
    const e = page.enquiry;
    return reply.view('child-protection/section-47-enquiry/view.njk', {
      ...childHeaderContext(page.child, deps.clock.now(), 'child-protection'),
      e,
      kindText: LABELS.s47Kind[e.kind],
      startedText: formatLongDate(e.startedOn),
      dueText: formatLongDate(e.dueOn),
      due: dueView(page.dueExplanation),
      rag: page.rag === null ? null : ragView(page.rag),
      icpc: dueView(page.icpcExplanation),
      icpcDueText: e.icpcDueOn === null ? null : formatLongDate(e.icpcDueOn),
      outcomeText: e.outcome === null ? null : LABELS.outcome[e.outcome],
      outcomeOnText: e.outcomeOn === null ? null : formatLongDate(e.outcomeOn),
      seenAloneText: e.childSeenAloneOn === null ? null : formatLongDate(e.childSeenAloneOn),
      abeText: e.abeInterviewOn === null ? null : formatLongDate(e.abeInterviewOn),
      paediatricText: e.paediatricExamOn === null ? null : formatLongDate(e.paediatricExamOn),
      strategyHref: paths.strategyDiscussion(e.strategyDiscussionId),
      mayChange: page.mayChange,
      hasDraft: page.draft !== null,
      values: values ?? (page.draft === null ? storedValues(page) : stringValues(page.draft)),
      outcomeItems: SECTION_47_OUTCOMES.map((o) => ({ value: o, text: LABELS.outcome[o] })),
      errors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, { text: v }])),
      errorList: summaryOf(errors, DATE_FIELDS),
      banner,
      action: paths.section47(id),
    });
  }

  app.get(
    '/section-47-enquiries/:section47Id',
    { config: { permission: 'people:view-child', audit: 'child-protection.section-47.viewed' } },
    async (request, reply) => {
      const id = uuidParam(request.params, 'section47Id');
      const page = await viewSection47(deps, requestContext(request), id);
      const flag = (request.query as Record<string, unknown>)['done'];
      const banner: Banner = flag === 'progress' || flag === 'completed' || flag === 'draft-saved' ? flag : page.draft !== null ? 'draft-restored' : null;
      return render(reply, id, null, {}, banner, page);
    },
  );

  app.post(
    '/section-47-enquiries/:section47Id',
    { config: { permission: 'child-protection:record-enquiry', audit: 'child-protection.section-47.saved' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const id = uuidParam(request.params, 'section47Id');
      const values = formValuesOf(request.body);
      const action = (request.body as Record<string, unknown> | null)?.['action'];
      if (action === 'draft') {
        try {
          await saveSection47Draft(deps, requestContext(request), id, values);
        } catch (error) {
          if (error instanceof ValidationError) return render(reply.code(400), id, values, error.fieldErrors, null);
          throw error;
        }
        return reply.redirect(`${paths.section47(id)}?done=draft-saved`, 303);
      }
      const errors: Record<string, string> = {};
      const progress = {
        childSeenAloneOn: dateField(values, 'childSeenAloneOn', 'Date the child was seen alone', errors, null),
        childNotSeenAloneReason: text(values, 'childNotSeenAloneReason') === '' ? null : text(values, 'childNotSeenAloneReason'),
        checksSummary: text(values, 'checksSummary') === '' ? null : text(values, 'checksSummary'),
        abeInterviewOn: dateField(values, 'abeInterviewOn', 'Date of the video-recorded interview', errors, null),
        paediatricExamOn: dateField(values, 'paediatricExamOn', 'Date of the paediatric examination', errors, null),
      };
      const version = Number.parseInt(values['version'] ?? '', 10);
      const outcome = values['outcome'] ?? '';
      const outcomeOn = action === 'outcome' ? dateField(values, 'outcomeOn', 'Date of the outcome', errors, SECTION_47_FORM_MESSAGES.outcomeOn) : null;
      if (action === 'outcome' && !isOutcome(outcome)) errors['outcome'] = SECTION_47_FORM_MESSAGES.outcome;
      if (Object.keys(errors).length > 0 || !Number.isSafeInteger(version)) return render(reply.code(400), id, values, errors, null);
      try {
        if (action === 'outcome' && isOutcome(outcome) && outcomeOn !== null) {
          await recordSection47Outcome(deps, requestContext(request), id, version, { ...progress, findings: text(values, 'findings'), outcome, outcomeOn });
          return await reply.redirect(`${paths.section47(id)}?done=completed`, 303);
        }
        await recordSection47Progress(deps, requestContext(request), id, version, progress);
        return await reply.redirect(`${paths.section47(id)}?done=progress`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), id, values, error.fieldErrors, null);
        if (error instanceof StaleVersionError)
          return render(reply.code(409), id, values, { version: 'Someone else changed this enquiry. Reload the page and check it.' }, null);
        throw error;
      }
    },
  );
}
