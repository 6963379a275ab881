// Caseload targets, shown when a team manager allocates a referral (DOMAIN.md "Team manager ...
// watches caseloads"). Seed 000 (Family Support Team): "we maintain caseloads of 9 families per
// worker" (domain-spec BR-12, a capacity warning, not a block). No other team states a figure, so
// they have none by default; a tenant configures others in the `team_caseload_target` table.

export interface CaseloadTarget {
  readonly familiesPerWorker: number;
  readonly source: string;
}

const FAMILY_SUPPORT_TARGET: CaseloadTarget = { familiesPerWorker: 9, source: 'Seed 000, Family Support Team: 9 families per worker' };

/** Default targets by team code (the three geographic Family Support Teams). */
export const DEFAULT_CASELOAD_TARGETS: Readonly<Record<string, CaseloadTarget>> = {
  FST_NORTH: FAMILY_SUPPORT_TARGET,
  FST_CENTRAL: FAMILY_SUPPORT_TARGET,
  FST_SOUTH: FAMILY_SUPPORT_TARGET,
};

/** A configured target wins over the default; null when the team has neither. */
export function caseloadTargetFor(teamCode: string, configured: CaseloadTarget | null): CaseloadTarget | null {
  return configured ?? DEFAULT_CASELOAD_TARGETS[teamCode] ?? null;
}

export type CaseloadState = 'under' | 'at' | 'over' | 'no-target';

export function caseloadState(families: number, target: CaseloadTarget | null): CaseloadState {
  if (target === null) return 'no-target';
  if (families > target.familiesPerWorker) return 'over';
  return families === target.familiesPerWorker ? 'at' : 'under';
}

export interface ChildForCaseload {
  readonly childId: string;
  /** Ids of the child's parents and carers (with parental responsibility or living with them). */
  readonly parentIds: readonly string[];
}

/**
 * Families on a caseload: children who share a parent or carer count as one family (a sibling group
 * allocated to one worker is one family); a child with no recorded parent is a family of their own.
 */
export function countFamilies(children: readonly ChildForCaseload[]): number {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(x, root);
    return root;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const child of children) {
    const key = `child:${child.childId}`;
    if (!parent.has(key)) parent.set(key, key);
    for (const p of child.parentIds) {
      const pk = `parent:${p}`;
      if (!parent.has(pk)) parent.set(pk, pk);
      union(key, pk);
    }
  }
  return new Set(children.map((c) => find(`child:${c.childId}`))).size;
}

/**
 * Teams that take social care referrals from the MASH: the three Family Support Teams ("a variety of
 * cases transferred from the MASH") and Children with Disabilities (its own duty and assessment), seed 000.
 */
export const REFERRAL_TEAM_CODES: readonly string[] = ['FST_NORTH', 'FST_CENTRAL', 'FST_SOUTH', 'CWD'];
