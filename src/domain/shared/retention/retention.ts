// How long Hearth keeps the working rows that are not part of anyone's record (RELIABILITY.md §4.4,
// §4.7): a sweep (`npx hearth sweep`, and hourly in the server) deletes them after these periods.
// Case records, the audit log and sign-in attempts are not swept: what they keep is decided by the
// authority's records retention schedule, not here.

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * A session row is deleted 24 hours after it ended (signed out) or expired (30 minutes idle, 10
 * hours at most: src/app/auth/session-policy.ts). Until then a returning browser is told its
 * session expired rather than simply sent to sign in; sign-ins and sign-outs themselves stay in the
 * audit log. An expired session can never be used again, so nothing depends on the row after that.
 */
export const SESSION_RETENTION_AFTER_END_MS = DAY_MS;

/**
 * An idempotency record (form_submission, docs/adr/0006-idempotent-submissions.md) is deleted 30
 * days after the submission. A repeat comes seconds (double click) or hours (a retry after a lost
 * answer, a form resent after signing in again) after the first; 30 days also covers a page left
 * open in a tab over a holiday. A form resent later than that would be written again.
 */
export const FORM_SUBMISSION_RETENTION_MS = 30 * DAY_MS;

/** How often the server sweeps. */
export const SWEEP_INTERVAL_MS = HOUR_MS;
