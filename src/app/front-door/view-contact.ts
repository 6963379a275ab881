// A contact as the MASH sees it: what the referrer said, the people it names and the records they
// are linked to, each linked child's earlier contacts and referrals (with the 12-month repeat flag),
// the screening so far and the decision, or its due date with how it was worked out. The view is
// audited as a read of each linked child's record.
import { historyOf, loadContact, type ContactRow, type PersonHistoryItem } from '../../db/front-door/contact-repository.ts';
import { listAgencyChecks, listThresholdDiscussions, type AgencyCheckRow, type ThresholdDiscussionRow } from '../../db/front-door/screening-repository.ts';
import { can } from '../../domain/shared/access/permissions.ts';
import { isOpen } from '../../domain/front-door/contact.ts';
import { mayRequestAgencyChecks } from '../../domain/front-door/consent.ts';
import { highestIndicatedLevel, needIndicator, type NeedIndicator, type NeedLevel } from '../../domain/front-door/levels-of-need.ts';
import { departsFromLevel } from '../../domain/front-door/mash-decision.ts';
import type { RepeatFinding } from '../../domain/front-door/repeat-referral.ts';
import { explainMashDecisionDue, mashDecisionRag } from '../../domain/front-door/timescales.ts';
import type { DueExplanation, RagStatus } from '../../domain/shared/timescales/rule.ts';
import { parseLocalDate } from '../../domain/shared/time/local-date.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { guardContact } from './contact-access.ts';
import { londonToday } from './london-time.ts';
import { repeatForChild } from './repeats.ts';

export interface ChildHistory {
  readonly personId: string;
  readonly name: string;
  readonly items: readonly PersonHistoryItem[];
  readonly repeat: RepeatFinding;
}

export interface ContactView {
  readonly contact: ContactRow;
  readonly due: DueExplanation;
  /** While awaiting a decision. */
  readonly rag: RagStatus | null;
  readonly checks: readonly AgencyCheckRow[];
  readonly discussions: readonly ThresholdDiscussionRow[];
  readonly histories: readonly ChildHistory[];
  readonly repeat: boolean;
  readonly indicators: readonly NeedIndicator[];
  readonly highestIndicated: NeedLevel | null;
  readonly outcomeDepartsFromLevel: boolean;
  readonly unlinkedChildren: number;
  readonly mayRequestChecks: boolean;
  readonly canScreen: boolean;
  readonly canDecide: boolean;
}

export async function viewContact(deps: AppDeps, ctx: RequestContext, contactId: string): Promise<ContactView> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, linkedChildIds } = await guardContact(trx, ctx.actor, 'read', contactId, now);
    const contact = await loadContact(trx, contactId);
    if (contact === undefined) throw new NotFoundError('Contact');
    const [checks, discussions, history] = await Promise.all([listAgencyChecks(trx, contactId), listThresholdDiscussions(trx, contactId), historyOf(trx, linkedChildIds, contactId)]);
    const histories = contact.people
      .filter((p) => p.role === 'child' && p.personId !== null)
      .map((p) => {
        const personId = p.personId ?? '';
        return {
          personId,
          name: p.linkedName ?? `${p.givenName} ${p.familyName}`,
          items: history.filter((h) => h.personId === personId),
          repeat: repeatForChild({ id: contact.id, receivedAt: contact.receivedAt, receivedOn: contact.receivedOn, childIds: linkedChildIds }, personId, history),
        };
      });
    const receivedOn = parseLocalDate(contact.receivedOn);
    const open = isOpen(contact.status);
    const indicators = contact.needIndicators.map((code) => needIndicator(code)).filter((i): i is NeedIndicator => i !== undefined);
    const level = contact.needLevel as NeedLevel | null;
    for (const childId of linkedChildIds.length === 0 ? [undefined] : linkedChildIds) {
      await audit({ action: 'front-door.contact.viewed', subjectType: 'contact', subjectId: contactId, ...(childId === undefined ? {} : { childId }) });
    }
    return {
      contact,
      due: explainMashDecisionDue(receivedOn),
      rag: open ? mashDecisionRag(receivedOn, londonToday(now)) : null,
      checks,
      discussions,
      histories,
      repeat: histories.some((h) => h.repeat.repeat),
      indicators,
      highestIndicated: highestIndicatedLevel(contact.needIndicators),
      outcomeDepartsFromLevel: contact.outcome !== null && level !== null && departsFromLevel(contact.outcome, level),
      unlinkedChildren: contact.people.filter((p) => p.role === 'child' && p.personId === null).length,
      mayRequestChecks: open && mayRequestAgencyChecks(contact.consentToChecks === null ? null : { consent: contact.consentToChecks, proceedWithoutConsent: contact.checksWithoutConsent === true }),
      canScreen: open && can(actor, 'front-door:screen'),
      canDecide: open && can(actor, 'front-door:decide'),
    };
  });
}
