// Runs every rule over a census and lists the failures, child by child. Pure: the same return
// always gives the same failures.
import type { CensusPeriod } from './census-period.ts';
import type { CensusChild, CensusHeader, IsoDate } from './model.ts';
import { CHILD_RULES, RETURN_RULES } from './rules/index.ts';
import type { CensusRule, CensusRuleContext } from './rules/rule.ts';

export interface CensusFailure {
  readonly code: string;
  readonly type: 'error' | 'query';
  readonly message: string;
  /** Null for a return-level failure. */
  readonly personId: string | null;
  readonly laChildId: string | null;
  readonly where: string;
}

/** The context every child is checked in; `builtOn` is the day the return is built (ISO date). */
export function ruleContext(period: CensusPeriod, children: readonly CensusChild[], builtOn: IsoDate): CensusRuleContext {
  const laChildIdCounts = new Map<string, number>();
  for (const c of children) laChildIdCounts.set(c.childIdentifiers.laChildId, (laChildIdCounts.get(c.childIdentifiers.laChildId) ?? 0) + 1);
  const upnCounts = new Map<string, number>();
  for (const c of children) {
    const upn = c.childIdentifiers.upn;
    if (upn !== undefined) upnCounts.set(upn, (upnCounts.get(upn) ?? 0) + 1);
  }
  return { period, builtOn, laChildIdCounts, upnCounts };
}

export function validateChild(child: CensusChild, ctx: CensusRuleContext, rules: readonly CensusRule[] = CHILD_RULES): CensusFailure[] {
  const out: CensusFailure[] = [];
  for (const rule of rules) {
    for (const where of rule.check(child, ctx)) {
      out.push({ code: rule.code, type: rule.type, message: rule.message, personId: child.personId, laChildId: child.childIdentifiers.laChildId, where });
    }
  }
  return out;
}

/** The return-level rules (the header, and counts across every child): failures with no child. */
export function validateReturn(header: CensusHeader, period: CensusPeriod, children: readonly CensusChild[]): CensusFailure[] {
  return RETURN_RULES.flatMap((rule) =>
    rule
      .check({ header, period, children })
      .map((where) => ({ code: rule.code, type: rule.type, message: rule.message, personId: null, laChildId: null, where })),
  );
}

export function validateCensus(header: CensusHeader, period: CensusPeriod, children: readonly CensusChild[]): CensusFailure[] {
  // The day the return is built: the date of the header's DateTime (the file's creation).
  const ctx = ruleContext(period, children, header.dateTime.slice(0, 10));
  return [...validateReturn(header, period, children), ...children.flatMap((c) => validateChild(c, ctx))];
}
