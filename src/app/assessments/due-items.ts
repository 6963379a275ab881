// The assessments module's source of due items for My work (src/app/work/due-item-sources.ts): every
// assessment not yet authorised, due 45 working days from its referral (ASS-01), and every next step an
// authorised assessment left open (CIN-01, S47-01, ...), each with how its date was worked out.
import { ASSESSMENTS_DUE_READS, assessmentsDueOf } from '../../db/assessments/due-items-repository.ts';
import { NEXT_STEP_KINDS } from '../../domain/assessments/outcome.ts';
import { ASSESSMENT_COMPLETION } from '../../domain/assessments/timescales.ts';
import type { DueItem } from '../../domain/casework/due-items.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { explainDue, type TimescaleRule } from '../../domain/shared/timescales/rule.ts';
import { dueItemSource, type DueItemSource } from '../work/due-item-source.ts';

const assessmentHref = (assessmentId: string): string => `/assessments/${assessmentId}`;

function item(
  rule: TimescaleRule,
  anchor: string,
  base: { childId: string; childName: string; teamName: string | null; workerName: string | null },
  what: string,
  href: string,
): DueItem {
  const due = explainDue(rule, parseLocalDate(anchor));
  return {
    childId: base.childId,
    childName: base.childName,
    teamName: base.teamName,
    workerName: base.workerName,
    what,
    dueOn: toIsoDate(due.due),
    ruleId: rule.id,
    explanation: { summary: due.summary, source: due.source, arithmetic: due.arithmetic },
    href,
  };
}

export const assessmentDueItems: DueItemSource = dueItemSource('assessmentDueItems', {
  reads: () => ASSESSMENTS_DUE_READS,
  items: (rows, { inScope }) => {
    const { assessments, steps } = assessmentsDueOf(rows, inScope);
    return [
      ...assessments.map((a) =>
        item(
          ASSESSMENT_COMPLETION,
          a.referredOn,
          a,
          a.status === 'awaiting_authorisation' ? 'Child and family assessment: awaiting authorisation' : 'Child and family assessment',
          assessmentHref(a.assessmentId),
        ),
      ),
      ...steps.map((s) =>
        item(
          NEXT_STEP_KINDS[s.kind].rule,
          s.openedOn,
          s,
          `After the assessment: ${NEXT_STEP_KINDS[s.kind].label.toLowerCase()}`,
          assessmentHref(s.assessmentId),
        ),
      ),
    ];
  },
});
