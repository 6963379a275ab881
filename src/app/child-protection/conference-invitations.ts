// Who is invited to a conference waiting to be held: name, agency, role and the day they were invited.
// Attendance and reports received are recorded with the conference's outcome.
import { findConference, insertInvitation } from '../../db/child-protection/conference-repository.ts';
import { isValidIsoDate } from '../../domain/shared/time/local-date.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { openForChildProtection, todayIso } from './cp-access.ts';

export const INVITATION_MESSAGES = {
  name: 'Enter the name of the person invited',
  agency: 'Enter their agency, or "Family" for a family member',
  invitedOn: 'Enter the date they were invited',
  invitedOnFuture: 'The date they were invited must be today or in the past',
} as const;

export interface InvitationInput {
  readonly name: string;
  readonly agency: string;
  readonly role: string | null;
  readonly invitedOn: string;
}

export async function addConferenceInvitation(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  conferenceId: string,
  input: InvitationInput,
): Promise<{ id: string }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    await openForChildProtection(trx, ctx, 'child-protection:record', 'change', childId, now);
    const conference = await findConference(trx, childId, conferenceId);
    if (conference?.status !== 'to_be_held') throw new NotFoundError('Conference waiting to be held');
    const errors: Record<string, string> = {};
    if (input.name.trim() === '') errors['name'] = INVITATION_MESSAGES.name;
    if (input.agency.trim() === '') errors['agency'] = INVITATION_MESSAGES.agency;
    if (!isValidIsoDate(input.invitedOn)) errors['invitedOn'] = INVITATION_MESSAGES.invitedOn;
    else if (input.invitedOn > todayIso(now)) errors['invitedOn'] = INVITATION_MESSAGES.invitedOnFuture;
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    const id = await insertInvitation(trx, {
      conferenceId,
      name: input.name.trim(),
      agency: input.agency.trim(),
      role: input.role,
      invitedOn: input.invitedOn,
    });
    await audit({
      action: 'child-protection.conference-invitation.added',
      subjectType: 'cp-conference',
      subjectId: conferenceId,
      childId,
      changes: { invitationId: id, agency: input.agency.trim(), invitedOn: input.invitedOn },
    });
    return { id };
  });
}
