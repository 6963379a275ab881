// A professional's multi-agency referral form (MARF), sent from the public page with no sign-in
// (seed 004 §3-5). The contact, its people and the audit event (actor "public referrer") are one
// transaction. A repeat of the same form (double click, retry after a lost answer) carries the same
// `_submission` token and gets the first answer: one contact, one reference number.
import type { Transaction } from 'kysely';
import { contactBySubmissionToken, insertContact, referenceTaken, type NewContact } from '../../db/front-door/contact-repository.ts';
import { appendAuditEvent } from '../../db/shared/audit-repository.ts';
import type { Database } from '../../db/schema.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { mashDecisionDueOn } from '../../domain/front-door/timescales.ts';
import type { AuditContext } from '../../domain/shared/audit/audit-event.ts';
import type { AppDeps } from '../shared/deps.ts';
import { SUBMISSION_TOKEN, SubmissionReusedError, type Submission } from '../shared/idempotency.ts';
import { ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import type { ContactDetails } from './contact-input.ts';
import { londonNow } from './london-time.ts';
import { newReferenceNumber } from './reference.ts';

export const PUBLIC_REFERRER = 'public referrer';

export interface SentReferral {
  readonly id: string;
  readonly reference: string;
  /** True when this was a repeat of a form already sent: nothing new was written. */
  readonly replayed: boolean;
}

export function contactRowOf(details: ContactDetails): Omit<NewContact, 'reference' | 'channel' | 'receivedAt' | 'receivedOn' | 'decisionDueOn' | 'recordedByUserId' | 'submissionToken' | 'submissionHash'> {
  const { children, adults, ...rest } = details;
  return {
    ...rest,
    people: [
      ...children.map((c) => ({ role: 'child' as const, givenName: c.givenName, familyName: c.familyName, dateOfBirth: c.dateOfBirth, relationship: null })),
      ...adults.map((a) => ({ role: 'adult' as const, givenName: a.givenName, familyName: a.familyName, dateOfBirth: null, relationship: a.relationship })),
    ],
  };
}

/** Inserts with a fresh reference, retrying on the (very rare) reference collision. Undefined when the submission token was taken meanwhile. */
export async function insertWithNewReference(trx: Transaction<Database>, contact: Omit<NewContact, 'reference'>): Promise<{ id: string; reference: string } | undefined> {
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const reference = newReferenceNumber();
    if (await referenceTaken(trx, reference)) continue;
    const row = await insertContact(trx, { ...contact, reference });
    if (row !== undefined) return { id: row.id, reference };
    if (contact.submissionToken !== null && (await contactBySubmissionToken(trx, contact.submissionToken)) !== undefined) return undefined;
  }
  throw new Error('Could not find an unused reference number');
}

/** What the audit row says about a contact: never names or the worries, only their shape. */
export function contactAuditChanges(details: ContactDetails, reference: string, decisionDueOn: string): Record<string, unknown> {
  return {
    reference,
    referralSource: details.referralSource,
    children: details.children.length,
    adults: details.adults.length,
    immediateRisk: details.immediateRisk,
    familyConsent: details.familyConsent,
    earlyHelpAssessmentDone: details.earlyHelpAssessmentDone,
    decisionDueOn,
  };
}

export async function submitReferralForm(deps: AppDeps, ctx: RequestContext, details: ContactDetails, submission: Submission | undefined): Promise<SentReferral> {
  if (submission !== undefined && !SUBMISSION_TOKEN.test(submission.token)) {
    throw new ValidationError({ _submission: 'The form could not be sent. Reload the page and try again.' });
  }
  const now = deps.clock.now();
  const auditContext: AuditContext = { actorUserId: null, actorLabel: PUBLIC_REFERRER, requestId: ctx.requestId, ip: ctx.ip };
  return deps.db.transaction().execute(async (trx) => {
    const replay = async (): Promise<SentReferral | undefined> => {
      if (submission === undefined) return undefined;
      const first = await contactBySubmissionToken(trx, submission.token);
      if (first === undefined) return undefined;
      if (first.submissionHash !== submission.fingerprint) throw new SubmissionReusedError();
      return { id: first.id, reference: first.reference, replayed: true };
    };
    const earlier = await replay();
    if (earlier !== undefined) return earlier;

    const received = londonNow(now);
    const decisionDueOn = toIsoDate(mashDecisionDueOn(parseLocalDate(received.date)));
    const inserted = await insertWithNewReference(trx, {
      ...contactRowOf(details),
      channel: 'online_form',
      receivedAt: now,
      receivedOn: received.date,
      decisionDueOn,
      recordedByUserId: null,
      submissionToken: submission?.token ?? null,
      submissionHash: submission?.fingerprint ?? null,
    });
    if (inserted === undefined) {
      // Another request with the same token committed first: answer as it did.
      const first = await replay();
      if (first === undefined) throw new Error('Submission token taken but not found');
      return first;
    }
    await appendAuditEvent(
      trx,
      auditContext,
      { action: 'front-door.contact.received', subjectType: 'contact', subjectId: inserted.id, changes: { channel: 'online_form', ...contactAuditChanges(details, inserted.reference, decisionDueOn) } },
      now,
    );
    return { ...inserted, replayed: false };
  });
}
