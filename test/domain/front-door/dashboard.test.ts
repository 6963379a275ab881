import { describe, expect, it } from 'vitest';
import { dashboardTotals, dashboardWeeks, weekStartOf, type DashboardContact } from '../../../src/domain/front-door/dashboard.ts';
import { parseLocalDate as d } from '../../../src/domain/shared/time/local-date.ts';

const contact = (received: string, decided: string | null, extra: Partial<DashboardContact> = {}): DashboardContact => ({
  receivedOn: d(received),
  decidedOn: decided === null ? null : d(decided),
  outcome: decided === null ? null : 'nfa',
  workingDaysToDecision: decided === null ? null : 1,
  decidedWithinTimescale: decided === null ? null : true,
  repeat: false,
  ...extra,
});

describe('the MASH dashboard by week', () => {
  it('starts weeks on Monday', () => {
    expect(weekStartOf(d('2026-01-18')).toString()).toBe('2026-01-12');
    expect(weekStartOf(d('2026-01-12')).toString()).toBe('2026-01-12');
  });

  it('counts contacts by the week received and decisions by the week decided', () => {
    const weeks = dashboardWeeks(
      [
        contact('2026-01-09', '2026-01-12'),
        contact('2026-01-12', '2026-01-13', { repeat: true, outcome: 'social_care_assessment' }),
        contact('2026-01-14', '2026-01-16', { workingDaysToDecision: 2, decidedWithinTimescale: false }),
        contact('2026-01-15', null),
      ],
      d('2026-01-16'),
      2,
    );
    expect(weeks.map((w) => w.weekStart.toString())).toEqual(['2026-01-05', '2026-01-12']);
    expect(weeks[0]).toMatchObject({ contactsIn: 1, decisionsMade: 0, repeatPercent: 0, withinTimescalePercent: null });
    expect(weeks[1]).toMatchObject({ contactsIn: 3, decisionsMade: 3, decidedWithinTimescale: 2, withinTimescalePercent: 67, repeats: 1, repeatPercent: 33, meanWorkingDaysToDecision: 1.3 });
    expect(weeks[1]?.outcomes).toMatchObject({ nfa: 2, social_care_assessment: 1, strategy_discussion: 0 });
    expect(dashboardTotals(weeks, 1)).toEqual({ contactsIn: 4, decisionsMade: 3, withinTimescalePercent: 67, repeatPercent: 25, awaitingDecision: 1 });
  });
});
