// The child protection due items for "My work" (src/app/work/due-item-sources.ts): each initial
// conference waiting to be held (S47-03 / CP-08), and for each open plan the next core group, review
// conference (or post-birth meeting) and statutory visit, each with how its date was worked out.
import { CHILD_PROTECTION_DUE_READS, childProtectionDueOf } from '../../db/child-protection/due-items-repository.ts';
import type { ChildrenInScope } from '../../db/work/children-in-scope-repository.ts';
import type { DueItem } from '../../domain/casework/due-items.ts';
import { planSchedule, type PlanDueKind } from '../../domain/child-protection/cp-plan-schedule.ts';
import { explainInitialConferenceDue } from '../../domain/child-protection/timescales.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import type { DueExplanation } from '../../domain/shared/timescales/rule.ts';
import { dueItemSource, type DueItemSource } from '../work/due-item-source.ts';

const WHAT: Readonly<Record<PlanDueKind, string>> = {
  'core-group': 'Core group meeting',
  'review-conference': 'Review child protection conference',
  'post-birth-meeting': 'Review conference or core group after the birth',
  visit: 'Child protection visit',
};

const planHref = (childId: string): string => `/children/${childId}/child-protection-plan`;

function item(
  child: { childId: string; givenName: string; familyName: string; teamName: string; workerName: string | null },
  what: string,
  due: DueExplanation,
  href: string,
): DueItem {
  return {
    childId: child.childId,
    childName: `${child.givenName} ${child.familyName}`,
    teamName: child.teamName,
    workerName: child.workerName,
    what,
    dueOn: toIsoDate(due.due),
    ruleId: due.rule.id,
    explanation: { summary: due.summary, source: due.source, arithmetic: due.arithmetic },
    href,
  };
}

function items(rows: readonly (readonly unknown[])[], inScope: ChildrenInScope): DueItem[] {
  const { conferences, plans } = childProtectionDueOf(rows, inScope);
  const items: DueItem[] = [];
  for (const c of conferences) {
    if (c.strategyHeldOn === null) continue;
    const edd = c.preBirth && c.expectedDateOfDelivery !== null ? { expectedDateOfDelivery: parseLocalDate(c.expectedDateOfDelivery) } : null;
    items.push(
      item(
        c,
        'Initial child protection conference',
        explainInitialConferenceDue(parseLocalDate(c.strategyHeldOn), edd),
        `/child-protection/conferences/${c.conferenceId}`,
      ),
    );
  }
  for (const p of plans) {
    const schedule = planSchedule({
      startedOn: parseLocalDate(p.startedOn),
      preBirth: p.preBirth,
      dateOfBirth: p.dateOfBirth === null ? null : parseLocalDate(p.dateOfBirth),
      motherMedicallyFit: p.motherMedicallyFit,
      coreGroupsHeldOn: p.dates.coreGroups.map(parseLocalDate),
      reviewConferencesHeldOn: p.dates.reviews.map(parseLocalDate),
      childSeenOn: p.dates.seen.map(parseLocalDate),
    });
    for (const s of schedule) items.push(item(p, WHAT[s.kind], s.explanation, planHref(p.childId)));
  }
  return items;
}

export const childProtectionDueItems: DueItemSource = dueItemSource('childProtectionDueItems', {
  reads: () => CHILD_PROTECTION_DUE_READS,
  items: (rows, { inScope }) => items(rows, inScope),
});
