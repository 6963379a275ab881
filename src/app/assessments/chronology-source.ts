// The assessments module's contribution to a child's chronology (src/app/chronology/registry.ts): each
// child and family assessment started, the child seen (and seen alone), submitted and authorised with
// its outcome. The builder filters by date; a child has few assessments, so all are read.
import { listChildAssessments } from '../../db/assessments/assessment-repository.ts';
import { ASSESSMENT_OUTCOMES, isAssessmentOutcome } from '../../domain/assessments/outcome.ts';
import type { ChronologyItem } from '../../domain/records/chronology-entry.ts';
import type { ChronologySource } from '../chronology/chronology-source.ts';
import { londonDateTime } from '../records/london-clock.ts';

const SOURCE = 'Child and family assessment';

export const assessmentChronologySource: ChronologySource = {
  name: 'assessments',
  categories: ['assessment'],
  load: async (trx, childId) => {
    const items: ChronologyItem[] = [];
    for (const a of await listChildAssessments(trx, childId)) {
      const origin = { kind: 'assessment', id: a.id };
      const started = londonDateTime(a.startedAt);
      items.push({
        key: `assessment-started:${a.id}`,
        date: started.date,
        time: started.time,
        category: 'assessment',
        summary: `Child and family assessment started (${a.teamName})`,
        source: SOURCE,
        recordedBy: a.workerName,
        origin,
      });
      if (a.childSeenOn !== null) {
        const alone = a.childSeenAloneOn === a.childSeenOn ? ' and seen alone' : '';
        items.push({
          key: `assessment-seen:${a.id}`,
          date: a.childSeenOn,
          time: null,
          category: 'assessment',
          summary: `Child seen for the assessment${alone}`,
          source: SOURCE,
          recordedBy: a.workerName,
          origin,
        });
      }
      if (a.childSeenAloneOn !== null && a.childSeenAloneOn !== a.childSeenOn) {
        items.push({
          key: `assessment-seen-alone:${a.id}`,
          date: a.childSeenAloneOn,
          time: null,
          category: 'assessment',
          summary: 'Child seen alone for the assessment',
          source: SOURCE,
          recordedBy: a.workerName,
          origin,
        });
      }
      if (a.submittedAt !== null) {
        const submitted = londonDateTime(a.submittedAt);
        items.push({
          key: `assessment-submitted:${a.id}`,
          date: submitted.date,
          time: submitted.time,
          category: 'assessment',
          summary: 'Assessment submitted to the team manager',
          source: SOURCE,
          recordedBy: a.submittedByName,
          origin,
        });
      }
      if (a.authorisedOn !== null && a.outcome !== null && isAssessmentOutcome(a.outcome)) {
        items.push({
          key: `assessment-authorised:${a.id}`,
          date: a.authorisedOn,
          time: a.authorisedAt === null ? null : londonDateTime(a.authorisedAt).time,
          category: 'assessment',
          summary: `Assessment authorised: ${ASSESSMENT_OUTCOMES[a.outcome]}${a.authorisedWithinTimescale === false ? ' (outside 45 working days)' : ''}`,
          source: SOURCE,
          recordedBy: a.authorisedByName,
          origin,
        });
      }
    }
    return items;
  },
};
