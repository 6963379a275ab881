// Idempotent submissions (docs/adr/0006-idempotent-submissions.md; RELIABILITY.md §4.4 C3/C4): a
// form or API call repeated (double click, retry after a lost response) makes its write once and
// every repeat gets the first answer. Used inside a use case's unitOfWork, after its access checks:
//
//   return unitOfWork(deps, ctx, async (work) => {
//     await guardChildRecord(work.trx, ctx.actor, 'change', childId, work.now);
//     return once(work, ctx, submission, 'records.case-note.recorded', async () => {
//       ... insert, audit ...
//       return { id };
//     });
//   });
//
// The claim row is inserted before the write and completed after it, in the same transaction, so
// the token is used exactly when the write commits: a refused or failed write leaves it unused.
// On PostgreSQL a second transaction with the same token waits on the first's uncommitted row
// (ON CONFLICT), then reads its committed answer; nothing runs twice.
import { createHash } from 'node:crypto';
import { ValidationError } from './errors.ts';
import type { RequestContext } from './request-context.ts';
import type { Work } from './unit-of-work.ts';

/** What a form post or API call presents to be written at most once. */
export interface Submission {
  /** The random `_submission` token the form was shown with, or the API client's Idempotency-Key. */
  readonly token: string;
  /** SHA-256 of what was submitted (see requestFingerprint): one token cannot carry two contents. */
  readonly fingerprint: string;
  /** Where the first answer sends the browser; kept so a repeat is sent to the same place. */
  readonly location?: string;
}

export interface Once<T> {
  readonly result: T;
  /** True when this was a repeat: nothing was written, `result` is the first request's. */
  readonly replayed: boolean;
  /** The page the first request redirected to, when the form said. */
  readonly location: string | null;
}

export const SUBMISSION_TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

export const SUBMISSION_REUSED =
  'This form was already sent with different details, so nothing was saved this time. Check what was saved, then start again from a fresh form if you need to.';

/** The same token came back with different content, or from a different form. */
export class SubmissionReusedError extends ValidationError {
  constructor() {
    super({ _submission: SUBMISSION_REUSED });
    this.name = 'SubmissionReusedError';
  }
}

/** Keys never part of a fingerprint: the transport tokens, and secrets (a hash of a password is not stored). */
const NOT_FINGERPRINTED = new Set(['_csrf', '_submission', 'password', 'newPassword', 'currentPassword', 'confirmPassword']);

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => !NOT_FINGERPRINTED.has(key))
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** SHA-256 of the canonical JSON of what was submitted (keys sorted; tokens and passwords left out). */
export function requestFingerprint(input: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(input) ?? null)).digest('hex');
}

/**
 * Runs `write` once for this user and submission token. Without a token (an older client, the
 * command line) it simply runs it. `purpose` names what the write does, like its audit action.
 */
export async function once<T>(work: Work, ctx: RequestContext, submission: Submission | undefined, purpose: string, write: () => Promise<T>): Promise<Once<T>> {
  const userId = ctx.actor?.userId;
  if (submission === undefined || userId === undefined) return { result: await write(), replayed: false, location: submission?.location ?? null };
  if (!SUBMISSION_TOKEN.test(submission.token)) throw new ValidationError({ _submission: 'The form could not be sent. Reload the page and try again.' });
  const { trx, now } = work;
  const claimed = await trx
    .insertInto('formSubmission')
    .values({
      userId,
      token: submission.token,
      purpose,
      requestHash: submission.fingerprint,
      resultLocation: submission.location ?? null,
      createdAt: now,
    })
    .onConflict((oc) => oc.columns(['userId', 'token']).doNothing())
    .returning('token')
    .executeTakeFirst();
  if (claimed === undefined) {
    const first = await trx
      .selectFrom('formSubmission')
      .select(['purpose', 'requestHash', 'result', 'resultLocation'])
      .where('userId', '=', userId)
      .where('token', '=', submission.token)
      .executeTakeFirstOrThrow();
    if (first.purpose !== purpose || first.requestHash !== submission.fingerprint) throw new SubmissionReusedError();
    // Our own record of our own answer, written below by the first request.
    return { result: first.result as T, replayed: true, location: first.resultLocation };
  }
  const result = await write();
  await trx
    .updateTable('formSubmission')
    .set({ result: JSON.stringify(result ?? null) })
    .where('userId', '=', userId)
    .where('token', '=', submission.token)
    .execute();
  return { result, replayed: false, location: submission.location ?? null };
}
