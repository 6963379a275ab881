// The web side of idempotent submissions (docs/adr/0006-idempotent-submissions.md). Every page
// render offers a fresh random `submissionToken`; a form puts it in a hidden `_submission` field,
// an API client sends an `Idempotency-Key` header. The route turns it into a Submission for its use
// case, which writes once (src/app/shared/idempotency.ts); a repeat is answered like the first.
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../app/shared/errors.ts';
import { requestFingerprint, SUBMISSION_TOKEN, type Submission } from '../../app/shared/idempotency.ts';
import { formBody } from './forms.ts';

export const SUBMISSION_FIELD = '_submission';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** 128 random bits, URL-safe: issued with every rendered page as `submissionToken`. */
export const newSubmissionToken = (): string => randomBytes(16).toString('base64url');

/**
 * The submission a form post (`_submission`) or API call (`Idempotency-Key`) carries, fingerprinted
 * from `input` (the validated input: passwords are left out of the fingerprint), or undefined when
 * it carries none. `location` is where the route redirects on success (recorded with the submission).
 */
export function submissionOf(request: FastifyRequest, input: unknown, location?: string): Submission | undefined {
  const header = request.headers[IDEMPOTENCY_HEADER];
  const raw = header ?? formBody(request.body)[SUBMISSION_FIELD];
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !SUBMISSION_TOKEN.test(raw)) {
    throw new ValidationError({ [SUBMISSION_FIELD]: 'The form could not be sent. Reload the page and try again.' });
  }
  return { token: raw, fingerprint: requestFingerprint(input), ...(location === undefined ? {} : { location }) };
}

/** Marks an API answer that repeats the first one (the body is the first request's). */
export function markReplay(reply: FastifyReply, outcome: { readonly replayed: boolean }): FastifyReply {
  return outcome.replayed ? reply.header('idempotent-replayed', 'true') : reply;
}
