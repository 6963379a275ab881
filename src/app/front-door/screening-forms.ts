// What each screening form shows before it is filled in: the contact's reference, the children, and
// the current answer for the step. Opening a form is audited like opening the contact.
import { referralTeams } from '../../db/front-door/caseload-repository.ts';
import { loadContact, type ContactRow } from '../../db/front-door/contact-repository.ts';
import { listAgencyChecks, type AgencyCheckRow } from '../../db/front-door/screening-repository.ts';
import type { Permission } from '../../domain/shared/access/permissions.ts';
import { isOpen } from '../../domain/front-door/contact.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { guardContact } from './contact-access.ts';
import { ALREADY_DECIDED } from './screening-step.ts';

export type ScreeningForm = 'consent' | 'checks' | 'check-answer' | 'level-of-need' | 'threshold-discussion' | 'decision';

export interface ScreeningFormData {
  readonly contact: ContactRow;
  readonly childNames: readonly string[];
  readonly checks: readonly AgencyCheckRow[];
  readonly teams: readonly { readonly id: string; readonly name: string }[];
}

export async function openScreeningForm(deps: AppDeps, ctx: RequestContext, contactId: string, form: ScreeningForm): Promise<ScreeningFormData> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const permission: Permission = form === 'decision' ? 'front-door:decide' : 'front-door:screen';
    requirePermission(ctx, permission);
    const { linkedChildIds } = await guardContact(trx, ctx.actor, 'change', contactId, now, permission);
    const contact = await loadContact(trx, contactId);
    if (contact === undefined) throw new NotFoundError('Contact');
    if (!isOpen(contact.status)) throw new ValidationError({ _form: ALREADY_DECIDED });
    const [checks, teams] = await Promise.all([
      form === 'check-answer' || form === 'checks' ? listAgencyChecks(trx, contactId) : Promise.resolve([]),
      form === 'decision' ? referralTeams(trx) : Promise.resolve([]),
    ]);
    await audit({ action: 'front-door.screening-form.viewed', subjectType: 'contact', subjectId: contactId, ...(linkedChildIds[0] === undefined ? {} : { childId: linkedChildIds[0] }), changes: { form } });
    return {
      contact,
      childNames: contact.people.filter((p) => p.role === 'child').map((p) => p.linkedName ?? `${p.givenName} ${p.familyName}`),
      checks,
      teams: teams.map((t) => ({ id: t.id, name: t.name })),
    };
  });
}
