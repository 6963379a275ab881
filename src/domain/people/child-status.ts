// What the identity bar says about a child, computed from facts, never stored or typed in: the
// legal status and the flags (restricted or sealed record, child protection plan, looked after,
// unborn). Each later journey adds its facts (a looked-after episode, a child protection plan) to
// ChildStatusFacts where they are loaded (src/db/people/child-header-repository.ts), and the bar
// shows them without any change here beyond reading the new fact.
import type { Restriction } from '../shared/access/child-record-policy.ts';
import type { PersonType } from './person-codes.ts';

export interface LegalStatusEpisode {
  /** The SSDA903 legal status code (C1, C2, E1, V2, ...), domain-spec §3.7. */
  readonly code: string;
  readonly label: string;
  readonly startedOn: string;
  readonly endedOn: string | null;
}

export interface ProtectionPlanFact {
  readonly startedOn: string;
  readonly endedOn: string | null;
  readonly category?: string;
}

export interface ChildStatusFacts {
  readonly personType: PersonType;
  readonly restriction: Restriction;
  /** Looked-after legal statuses, from the children-in-care journey (empty until it records any). */
  readonly legalStatuses: readonly LegalStatusEpisode[];
  /** Child protection plans, from the child protection journey (empty until it records any). */
  readonly protectionPlans: readonly ProtectionPlanFact[];
  /** The record was merged into another (it should not normally be shown). */
  readonly mergedIntoPersonId?: string | null;
}

export type FlagColour = 'red' | 'purple' | 'orange' | 'blue' | 'grey';

export interface ChildFlag {
  readonly key: 'restricted' | 'sealed' | 'cp-plan' | 'looked-after' | 'unborn' | 'merged';
  readonly text: string;
  readonly colour: FlagColour;
}

// An episode or plan is current until it has an end date: ends are recorded when they happen (an
// SSDA903 episode's DEC, a plan's end date), so "not ended" needs no clock.
const isOpen = (p: { readonly endedOn: string | null }) => p.endedOn === null;

/** The current looked-after legal status (the latest one not ended), if any. */
export function currentLegalStatus(facts: ChildStatusFacts): LegalStatusEpisode | null {
  const open = facts.legalStatuses.filter(isOpen);
  return [...open].sort((a, b) => b.startedOn.localeCompare(a.startedOn))[0] ?? null;
}

/** "Not looked after" unless a looked-after legal status is current. */
export function legalStatusText(facts: ChildStatusFacts): string {
  const current = currentLegalStatus(facts);
  return current === null ? 'Not looked after' : `Looked after: ${current.label} (${current.code})`;
}

export function childFlags(facts: ChildStatusFacts): ChildFlag[] {
  const flags: ChildFlag[] = [];
  if (facts.mergedIntoPersonId !== undefined && facts.mergedIntoPersonId !== null) flags.push({ key: 'merged', text: 'Merged record', colour: 'grey' });
  if (facts.restriction === 'sealed') flags.push({ key: 'sealed', text: 'Sealed record', colour: 'purple' });
  if (facts.restriction === 'restricted') flags.push({ key: 'restricted', text: 'Restricted record', colour: 'red' });
  if (facts.protectionPlans.some(isOpen)) flags.push({ key: 'cp-plan', text: 'Child protection plan', colour: 'red' });
  if (currentLegalStatus(facts) !== null) flags.push({ key: 'looked-after', text: 'Looked after', colour: 'blue' });
  if (facts.personType === 'unborn') flags.push({ key: 'unborn', text: 'Unborn', colour: 'orange' });
  return flags;
}
