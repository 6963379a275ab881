// The young carers module's source of due items for My work (src/app/work/due-item-sources.ts): every
// young carer's assessment not yet authorised, due 45 working days from the request (YC-01), and the
// review of the support plan of the latest authorised assessment with one (YC-02), each with how its
// date was worked out.
import { YOUNG_CARER_DUE_READ, youngCarerDueOf } from '../../db/young-carers/due-items-repository.ts';
import type { DueItem } from '../../domain/casework/due-items.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { explainDue } from '../../domain/shared/timescales/rule.ts';
import { YOUNG_CARER_ASSESSMENT_COMPLETION, YOUNG_CARER_SUPPORT_PLAN_REVIEW } from '../../domain/young-carers/timescales.ts';
import { dueItemSource, type DueItemSource } from '../work/due-item-source.ts';

export const youngCarerDueItems: DueItemSource = dueItemSource('youngCarerDueItems', {
  reads: () => [YOUNG_CARER_DUE_READ],
  items: ([rows = []], { inScope }) =>
    youngCarerDueOf(rows, inScope).map((r): DueItem => {
      // an authorised row is listed for its support plan's review, anchored on authorisation or the last review
      const reviewFrom = r.status === 'authorised' ? r.supportPlanReviewFrom : null;
      const review = reviewFrom !== null;
      const rule = review ? YOUNG_CARER_SUPPORT_PLAN_REVIEW : YOUNG_CARER_ASSESSMENT_COMPLETION;
      const due = explainDue(rule, parseLocalDate(reviewFrom ?? r.requestedOn));
      const what = review
        ? 'Young carer’s support plan review'
        : r.status === 'awaiting_authorisation'
          ? 'Young carer’s needs assessment: awaiting authorisation'
          : 'Young carer’s needs assessment';
      return {
        childId: r.childId,
        childName: r.childName,
        teamName: r.teamName,
        workerName: r.workerName,
        what,
        dueOn: toIsoDate(due.due),
        ruleId: rule.id,
        explanation: { summary: due.summary, source: due.source, arithmetic: due.arithmetic },
        href: `/young-carers/${r.assessmentId}`,
      };
    }),
});
