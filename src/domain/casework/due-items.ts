// One thing due for a child, from any module's timescale (assessments, child in need reviews, early
// help reviews, pre-birth milestones, child protection conferences, core groups and visits...), in
// the one shape "My work" and the team manager's view list, sort and colour. Each module computes its
// items from its own rules (src/domain/<module>/timescales.ts, via src/domain/shared/timescales/rule.ts)
// and registers a source in src/app/work/due-item-sources.ts; nothing here knows about any module.
export interface DueExplanationText {
  /** "A child and family assessment is due within 45 working days of the day the referral was received." */
  readonly summary: string;
  /** The rule's source, as cited in the rule. */
  readonly source: string;
  /** The working-day arithmetic in plain English. */
  readonly arithmetic: string;
}

export interface DueItem {
  readonly childId: string;
  readonly childName: string;
  readonly teamName: string | null;
  readonly workerName: string | null;
  /** What is due, as a worker would say it: "Child and family assessment", "Core group meeting". */
  readonly what: string;
  /** ISO date (yyyy-mm-dd) of the last day that meets the timescale. */
  readonly dueOn: string;
  /** The timescale rule's id (domain-spec), e.g. 'ASS-01'. */
  readonly ruleId: string;
  readonly explanation: DueExplanationText;
  /** Where to go to do it (a path inside Hearth). */
  readonly href: string;
}

/** Whose work: one worker's allocated children, or every child allocated in the given teams. */
export interface DueScope {
  readonly workerId?: string;
  readonly teamIds?: readonly string[];
}

/** Earliest first; ties by child name, then by what is due. */
export function sortDueItems(items: readonly DueItem[]): DueItem[] {
  return [...items].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.childName.localeCompare(b.childName) || a.what.localeCompare(b.what));
}
