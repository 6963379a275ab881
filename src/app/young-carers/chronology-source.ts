// The young carers module's contribution to a child's chronology (src/app/chronology/registry.ts): each
// young carer's needs assessment started, submitted, returned and authorised with its outcomes, and
// each review of the support plan. Summaries say what happened, never the assessment's or the
// manager's words (those stay behind the assessment page). A child has few assessments, so all are read.
import { listChildYoungCarerAssessments, listPlanReviews, listYoungCarerReturns } from '../../db/young-carers/young-carer-repository.ts';
import type { ChronologyItem } from '../../domain/records/chronology-entry.ts';
import { isYoungCarerOutcome, YOUNG_CARER_OUTCOMES } from '../../domain/young-carers/young-carer-assessment.ts';
import type { ChronologySource } from '../chronology/chronology-source.ts';
import { londonDateTime } from '../records/london-clock.ts';

const SOURCE = 'Young carer’s needs assessment';

export const youngCarerChronologySource: ChronologySource = {
  name: 'young-carers',
  categories: ['assessment', 'plan'],
  load: async (trx, childId) => {
    const items: ChronologyItem[] = [];
    for (const a of await listChildYoungCarerAssessments(trx, childId)) {
      const origin = { kind: 'young-carer-assessment', id: a.id };
      const started = londonDateTime(a.startedAt);
      items.push({
        key: `young-carer-assessment-started:${a.id}`,
        date: started.date,
        time: started.time,
        category: 'assessment',
        summary: `Young carer’s needs assessment started (${a.teamName})`,
        source: SOURCE,
        recordedBy: a.workerName,
        origin,
      });
      if (a.submittedAt !== null) {
        const submitted = londonDateTime(a.submittedAt);
        items.push({
          key: `young-carer-assessment-submitted:${a.id}`,
          date: submitted.date,
          time: submitted.time,
          category: 'assessment',
          summary: 'Young carer’s needs assessment submitted to the team manager',
          source: SOURCE,
          recordedBy: a.submittedByName,
          origin,
        });
      }
      for (const r of await listYoungCarerReturns(trx, a.id)) {
        const returned = londonDateTime(r.returnedAt);
        items.push({
          key: `young-carer-assessment-returned:${r.id}`,
          date: returned.date,
          time: returned.time,
          category: 'assessment',
          summary: 'Young carer’s needs assessment returned to the worker for changes',
          source: SOURCE,
          recordedBy: r.returnedByName,
          origin,
        });
      }
      if (a.status === 'authorised' && a.authorisedOn !== null) {
        const outcomes = a.outcomes.filter(isYoungCarerOutcome).map((o) => YOUNG_CARER_OUTCOMES[o]);
        const late = a.authorisedWithinTimescale === false ? ' (outside the timescale)' : '';
        items.push({
          key: `young-carer-assessment-authorised:${a.id}`,
          date: a.authorisedOn,
          time: a.authorisedAt === null ? null : londonDateTime(a.authorisedAt).time,
          category: 'assessment',
          summary: `Young carer’s needs assessment authorised${late}: ${outcomes.length > 0 ? outcomes.join('; ') : 'no outcome recorded'}`,
          source: SOURCE,
          recordedBy: a.authorisedByName,
          origin,
        });
      }
      for (const review of await listPlanReviews(trx, a.id)) {
        const late = review.withinTimescale ? '' : ' (outside the timescale)';
        items.push({
          key: `young-carer-plan-review:${review.id}`,
          date: review.reviewedOn,
          time: null,
          category: 'plan',
          summary: `Young carer’s support plan reviewed${late}: ${review.continueSupport ? 'support continues' : 'support ended'}`,
          source: 'Young carer’s support plan',
          recordedBy: review.recordedByName,
          origin,
        });
      }
    }
    return items;
  },
};
