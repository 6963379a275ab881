// The pre-birth plan of an unborn child (or of a child whose record began unborn): the timeline of
// seed 004 §14 worked out from the expected date of delivery, what has been recorded on it, the FGC
// referral prompt, the Family Support routing rule and the birth. Opened inside the caller's
// transaction, after the access guard.
import type { LocalDate } from '@js-joda/core';
import type { Transaction } from 'kysely';
import {
  findBirthRecord,
  findPreBirthPerson,
  findPreBirthPlan,
  listMilestones,
  strategyDiscussionStates,
  type BirthRow,
  type PreBirthPersonRow,
  type PreBirthPlanRow,
} from '../../db/pre-birth/pre-birth-repository.ts';
import type { Database } from '../../db/schema.ts';
import {
  fgcReferralPrompted,
  isLateConfirmation,
  isPreBirthMilestoneKey,
  preBirthReferralRoute,
  preBirthTimeline,
  strategyDiscussionPrompted,
  type PreBirthMilestoneKey,
  type RecordedMilestone,
  type TeamRoute,
  type TimelineRow,
} from '../../domain/pre-birth/timeline.ts';
import { gestationalAgeDays } from '../../domain/shared/time/gestation.ts';
import { parseLocalDate } from '../../domain/shared/time/local-date.ts';
import type { ChildHeader } from '../records/child-page.ts';
import { openChildRecord } from '../records/child-page.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { londonToday } from '../people/london-today.ts';
import { mayChangeChildRecord } from '../records/child-page.ts';
import { can } from '../../domain/shared/access/permissions.ts';

export interface PreBirthFacts {
  readonly person: PreBirthPersonRow;
  readonly plan: PreBirthPlanRow | null;
  readonly recorded: ReadonlyMap<PreBirthMilestoneKey, RecordedMilestone & { readonly recordedByName: string | null; readonly recordedAt: Date }>;
  readonly birth: BirthRow | null;
  /** The expected date of delivery the timeline is anchored on (kept after birth). */
  readonly edd: LocalDate;
}

/** Whether this person's record began unborn: an unborn child, or a child with an EDD or a birth recorded in Hearth. */
export function hasPreBirthPlan(person: PreBirthPersonRow, birth: BirthRow | null): boolean {
  return person.personType === 'unborn' || (person.personType === 'child' && (person.expectedDateOfDelivery !== null || birth !== null));
}

/** The facts of the plan, or NotFoundError when the record did not begin unborn. */
export async function loadPreBirthFacts(trx: Transaction<Database>, childId: string): Promise<PreBirthFacts | null> {
  const person = await findPreBirthPerson(trx, childId);
  if (person === undefined || person.mergedIntoPersonId !== null) throw new NotFoundError('Child');
  const birth = (await findBirthRecord(trx, childId)) ?? null;
  const eddText = person.expectedDateOfDelivery ?? birth?.expectedDateOfDelivery ?? null;
  if (!hasPreBirthPlan(person, birth) || eddText === null) return null;
  const recorded = new Map<PreBirthMilestoneKey, RecordedMilestone & { recordedByName: string | null; recordedAt: Date }>();
  for (const m of await listMilestones(trx, childId)) {
    if (!isPreBirthMilestoneKey(m.milestone)) continue;
    recorded.set(m.milestone, {
      outcome: m.outcome,
      happenedOn: m.happenedOn === null ? null : parseLocalDate(m.happenedOn),
      reason: m.reason,
      recordedByName: m.recordedByName,
      recordedAt: m.recordedAt,
    });
  }
  return { person, plan: (await findPreBirthPlan(trx, childId)) ?? null, recorded, birth, edd: parseLocalDate(eddText) };
}

export function timelineOf(facts: PreBirthFacts, today: LocalDate): TimelineRow[] {
  return preBirthTimeline({
    edd: facts.edd,
    pregnancyConfirmedOn: facts.plan?.pregnancyConfirmedOn == null ? null : parseLocalDate(facts.plan.pregnancyConfirmedOn),
    birth: facts.birth === null ? null : { bornOn: parseLocalDate(facts.birth.bornOn), motherMedicallyFit: facts.birth.motherMedicallyFit },
    recorded: facts.recorded,
    today,
  });
}

export interface PreBirthPage {
  readonly child: ChildHeader;
  /** Null when the record did not begin unborn (the page says so). */
  readonly plan: {
    readonly edd: LocalDate;
    readonly gestationWeeks: number | null;
    readonly rows: readonly TimelineRow[];
    readonly pregnancyConfirmedOn: string | null;
    readonly lateConfirmation: boolean;
    readonly previousProceedingsEndedOn: string | null;
    readonly route: TeamRoute;
    readonly fgc: { readonly outcome: 'referred' | 'declined' | null; readonly decidedOn: string | null; readonly reason: string | null };
    readonly fgcPrompted: boolean;
    readonly birth: BirthRow | null;
    /** PB-05: the unborn child's strategy discussion, if one has been convened. */
    readonly strategyDiscussion: { readonly id: string; readonly status: 'to_be_held' | 'held' } | null;
    /** PB-05: prompt to convene one (src/domain/pre-birth/timeline.ts strategyDiscussionPrompted). */
    readonly strategyPrompted: boolean;
  } | null;
  readonly mayChange: boolean;
  /** May convene a strategy discussion for this child (the child protection module's permission and the change rule). */
  readonly mayConvene: boolean;
}

export async function viewPreBirthPlan(deps: AppDeps, ctx: RequestContext, childId: string, options: { readonly audit?: boolean } = {}): Promise<PreBirthPage> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, child } = await openChildRecord(trx, ctx.actor, 'read', childId, now);
    const facts = await loadPreBirthFacts(trx, childId);
    if (options.audit !== false) await audit({ action: 'pre-birth.plan.viewed', subjectType: 'person', subjectId: childId, childId });
    const mayChangeRecord = await mayChangeChildRecord(trx, actor, childId, now);
    const mayChange = can(actor, 'pre-birth:record') && mayChangeRecord;
    const mayConvene = can(actor, 'child-protection:record-enquiry') && mayChangeRecord;
    if (facts === null) return { child, plan: null, mayChange, mayConvene };
    const today = parseLocalDate(londonToday(now));
    const rows = timelineOf(facts, today);
    const confirmed = facts.plan?.pregnancyConfirmedOn ?? null;
    const referral = facts.recorded.get('referral');
    // The contact date the routing rule is counted from: the referral if recorded, else the confirmation, else today.
    const contactOn = referral?.happenedOn ?? (confirmed === null ? today : parseLocalDate(confirmed));
    const proceedingsEnded = facts.plan?.previousProceedingsEndedOn ?? null;
    const fgcOutcome = facts.plan?.fgcOutcome ?? null;
    const discussion = (await strategyDiscussionStates(trx, [childId])).get(childId) ?? null;
    return {
      child,
      mayChange,
      mayConvene,
      plan: {
        edd: facts.edd,
        gestationWeeks: facts.birth === null ? Math.floor(gestationalAgeDays(facts.edd, today) / 7) : null,
        rows,
        pregnancyConfirmedOn: confirmed,
        lateConfirmation: confirmed !== null && isLateConfirmation(facts.edd, parseLocalDate(confirmed)),
        previousProceedingsEndedOn: proceedingsEnded,
        route: preBirthReferralRoute(contactOn, proceedingsEnded === null ? null : parseLocalDate(proceedingsEnded)),
        fgc: { outcome: fgcOutcome, decidedOn: facts.plan?.fgcDecidedOn ?? null, reason: facts.plan?.fgcDeclinedReason ?? null },
        fgcPrompted: fgcReferralPrompted(facts.recorded.get('assessment') ?? null, fgcOutcome),
        birth: facts.birth,
        strategyDiscussion: discussion,
        strategyPrompted: strategyDiscussionPrompted(
          rows.find((r) => r.key === 'strategy'),
          discussion?.status ?? 'none',
        ),
      },
    };
  });
}

/** For the forms: the child's header and the plan's facts, access-checked for change. */
export async function openPreBirthForm(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  auditAction: string,
  options: { readonly audit?: boolean } = {},
): Promise<{ child: ChildHeader; facts: PreBirthFacts }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { child } = await openChildRecord(trx, ctx.actor, 'change', childId, now);
    const facts = await loadPreBirthFacts(trx, childId);
    if (facts === null) throw new NotFoundError('Pre-birth plan');
    if (options.audit !== false) await audit({ action: auditAction, subjectType: 'person', subjectId: childId, childId });
    return { child, facts };
  });
}
