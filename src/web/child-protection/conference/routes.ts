// A conference's page: when it is due (and why), who is invited (with a form to invite more while it
// is waiting to be held), and once held, the decision, attendance and the letters.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { addConferenceInvitation } from '../../../app/child-protection/conference-invitations.ts';
import { exportConferenceLetter } from '../../../app/child-protection/conference-letters.ts';
import { londonDateTime } from '../../../app/records/london-clock.ts';
import { viewConference } from '../../../app/child-protection/view-child-protection.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { isStorableText } from '../../../app/shared/safe-text.ts';
import { planEndReasonLabel } from '../../../domain/child-protection/cp-plan.ts';
import { attachmentDisposition, sanitiseFilename } from '../../../domain/records/document-filename.ts';
import { DOCUMENT_KIND_INFO } from '../../../domain/records/document-kind.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asString, errorSummary, errorsByField, formBody } from '../../shared/forms.ts';
import { requestContext } from '../../shared/request-context.ts';
import { childHeaderContext, linkDateErrors } from '../../records/shared.ts';
import { ATTENDANCE_LABELS, categoryText, conferenceIdsOf, cpDateFromParts, cpPaths, DECISION_LABELS, dueText } from '../shared.ts';

interface InvitationValues {
  readonly name: string;
  readonly agency: string;
  readonly role: string;
  readonly invitedOn: { day: string; month: string; year: string };
}

const EMPTY: InvitationValues = { name: '', agency: '', role: '', invitedOn: { day: '', month: '', year: '' } };

export async function conferenceRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(reply: FastifyReply, childId: string, conferenceId: string, values: InvitationValues, errors: FieldErrors, audit: boolean) {
    const view = await viewConference(deps, requestContext(reply.request), childId, conferenceId, { audit });
    const c = view.conference;
    const query = reply.request.query as Record<string, unknown>;
    return reply.view('child-protection/conference/view.njk', {
      ...childHeaderContext(view.child, deps.clock.now(), 'child-protection-plan'),
      conference: {
        ...c,
        kindText:
          c.kind === 'initial'
            ? c.preBirth
              ? 'Initial child protection conference (pre-birth)'
              : 'Initial child protection conference'
            : 'Review child protection conference',
        decisionText: c.decision === null ? null : (DECISION_LABELS[c.decision] ?? c.decision),
        categoryText: categoryText(c.category),
        endReasonText: c.endReason === null ? null : planEndReasonLabel(c.endReason),
      },
      due: view.due === null ? null : dueText(view.due),
      invitations: view.invitations.map((i) => ({
        ...i,
        attendanceText: i.attendance === null ? 'Not recorded' : (ATTENDANCE_LABELS[i.attendance] ?? i.attendance),
      })),
      may: view.may,
      banner: query['convened'] === '1' ? 'convened' : query['invited'] === '1' ? 'invited' : query['recorded'] === '1' ? 'recorded' : null,
      values,
      paths: {
        plan: cpPaths.plan(childId),
        invitations: cpPaths.invitations(childId, conferenceId),
        outcome: cpPaths.outcome(childId, conferenceId),
        decisionLetter: cpPaths.decisionLetter(childId, conferenceId),
        childSummary: cpPaths.childSummary(childId, conferenceId),
      },
      errorList: linkDateErrors(errorSummary(errors, ['name', 'agency', 'role', 'invitedOn']), ['invitedOn']),
      errors: errorsByField(errors),
    });
  }

  app.get(
    '/child-protection/conferences/:conferenceId',
    { config: { permission: 'people:view-child', audit: 'child-protection.conference.viewed' } },
    async (request, reply) => {
      const { childId, conferenceId } = await conferenceIdsOf(deps, request.params);
      return render(reply, childId, conferenceId, EMPTY, {}, true);
    },
  );

  app.post(
    '/child-protection/conferences/:conferenceId/invitations',
    { config: { permission: 'child-protection:record', audit: 'child-protection.conference-invitation.added' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const { childId, conferenceId } = await conferenceIdsOf(deps, request.params);
      const body = formBody(request.body);
      const values: InvitationValues = {
        name: asString(body['name']) ?? '',
        agency: asString(body['agency']) ?? '',
        role: asString(body['role']) ?? '',
        invitedOn: { day: asString(body['invitedOn-day']) ?? '', month: asString(body['invitedOn-month']) ?? '', year: asString(body['invitedOn-year']) ?? '' },
      };
      const errors: Record<string, string> = {};
      if (values.name.length > 200) errors['name'] = 'Name must be 200 characters or fewer';
      if (values.agency.length > 200) errors['agency'] = 'Agency must be 200 characters or fewer';
      if (values.role.length > 200) errors['role'] = 'Role must be 200 characters or fewer';
      for (const field of ['name', 'agency', 'role'] as const) {
        if (!isStorableText(values[field])) errors[field] = 'Remove the characters that cannot be stored (control or broken characters)';
      }
      const date = cpDateFromParts(values.invitedOn, 'Date they were invited', 'Enter the date they were invited');
      if ('error' in date) errors['invitedOn'] = date.error;
      if (Object.keys(errors).length > 0 || 'error' in date) return render(reply.code(400), childId, conferenceId, values, errors, false);
      try {
        await addConferenceInvitation(deps, requestContext(request), childId, conferenceId, {
          name: values.name,
          agency: values.agency,
          role: values.role.trim() === '' ? null : values.role.trim(),
          invitedOn: date.iso,
        });
        return await reply.redirect(`${cpPaths.conference(childId, conferenceId)}?invited=1`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), childId, conferenceId, values, error.fieldErrors, false);
        throw error;
      }
    },
  );
}

export async function conferenceLetterRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  for (const [suffix, which, label] of [
    ['decision.docx', 'decision', 'Conference decision'],
    ['letter-to-child.docx', 'child', 'Letter to the child'],
  ] as const) {
    app.get(
      `/child-protection/conference-letters/:heldConferenceId/${suffix}`,
      { config: { permission: 'records:export-chronology', audit: 'child-protection.conference-letter.exported' } },
      async (request, reply) => {
        const { childId, conferenceId } = await conferenceIdsOf(deps, request.params, 'heldConferenceId');
        const exported = await exportConferenceLetter(deps, requestContext(request), childId, conferenceId, which);
        const name = sanitiseFilename(`${label} ${exported.child.givenName} ${exported.child.familyName} ${londonDateTime(exported.exportedAt).date}.docx`);
        const docx = exported.docx;
        return reply
          .header('content-type', DOCUMENT_KIND_INFO.docx.contentType)
          .header('content-disposition', attachmentDisposition(name))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'no-store')
          .send(Buffer.from(docx.buffer, docx.byteOffset, docx.byteLength));
      },
    );
  }
}
