// A MASH practitioner records a contact taken by phone, email, letter or in person, with the same
// details as the referral form plus how and when it came in (its due date counts from that day).
// Idempotent like every form: a double post records one contact.
import { mashDecisionDueOn } from '../../domain/front-door/timescales.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import type { AppDeps } from '../shared/deps.ts';
import { once, type Submission } from '../shared/idempotency.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import type { RecordedContactDetails } from './contact-input.ts';
import { londonInstant } from './london-time.ts';
import { contactAuditChanges, contactRowOf, insertWithNewReference } from './submit-referral-form.ts';

export async function recordContact(deps: AppDeps, ctx: RequestContext, details: RecordedContactDetails, submission?: Submission): Promise<{ id: string; reference: string; replayed: boolean }> {
  return unitOfWork(deps, ctx, async (work) => {
    const actor = requirePermission(ctx, 'front-door:record-contact');
    const outcome = await once(work, ctx, submission, 'front-door.contact.recorded', async () => {
      const decisionDueOn = toIsoDate(mashDecisionDueOn(parseLocalDate(details.receivedDate)));
      const { channel, receivedDate, receivedTime, ...rest } = details;
      const inserted = await insertWithNewReference(work.trx, {
        ...contactRowOf(rest),
        channel,
        receivedAt: londonInstant(receivedDate, receivedTime),
        receivedOn: receivedDate,
        decisionDueOn,
        recordedByUserId: actor?.userId ?? null,
        submissionToken: null,
        submissionHash: null,
      });
      if (inserted === undefined) throw new Error('Contact not inserted');
      await work.audit({
        action: 'front-door.contact.recorded',
        subjectType: 'contact',
        subjectId: inserted.id,
        changes: { channel, receivedOn: receivedDate, receivedTime, ...contactAuditChanges(details, inserted.reference, decisionDueOn) },
      });
      return inserted;
    });
    return { ...outcome.result, replayed: outcome.replayed };
  });
}
