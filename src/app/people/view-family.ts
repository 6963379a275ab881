// A person's family as their record shows it: the relationships page (a list) and the genogram
// (a diagram with the same people). Both are views of the record, access-checked and audited.
import { listRelatedPeople } from '../../db/people/relationship-repository.ts';
import { findPersonDetails, type PersonDetails } from '../../db/people/person-repository.ts';
import { loadChildRecordSummary, type ChildRecordSummary } from '../../db/people/child-record-repository.ts';
import { layoutGenogram, type Genogram, type GenogramRelative } from '../../domain/people/genogram.ts';
import { isRelationshipCode } from '../../domain/people/relationships.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { londonToday } from './london-today.ts';
import { guardPerson } from './person-access.ts';
import { abilitiesOf, MergedRecordError, relatedPeopleView, type PersonAbilities, type RelatedPersonView } from './person-record-view.ts';

export interface FamilyView {
  readonly person: PersonDetails;
  /** For a child: what the identity bar shows. */
  readonly header: ChildRecordSummary | null;
  readonly relationships: readonly RelatedPersonView[];
  readonly can: PersonAbilities;
}

async function auditView(audit: (e: { action: string; subjectType: string; subjectId: string; childId?: string; changes: Record<string, unknown> }) => Promise<void>, personId: string, isChild: boolean, view: string, basis: string) {
  await audit(
    isChild
      ? { action: 'people.child-record.viewed', subjectType: 'person', subjectId: personId, childId: personId, changes: { view, basis } }
      : { action: 'people.person-record.viewed', subjectType: 'person', subjectId: personId, changes: { view, basis } },
  );
}

export async function viewRelationships(deps: AppDeps, ctx: RequestContext, personId: string): Promise<FamilyView> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const guarded = await guardPerson(trx, ctx.actor, 'read', personId, now);
    if (guarded.mergedIntoPersonId !== null) throw new MergedRecordError(guarded.mergedIntoPersonId);
    const person = await findPersonDetails(trx, personId);
    if (person === undefined) throw new NotFoundError('Person');
    const related = relatedPeopleView(await listRelatedPeople(trx, guarded.actor, now, [personId]));
    const header = guarded.isChild ? ((await loadChildRecordSummary(trx, personId)) ?? null) : null;
    await auditView(audit, personId, guarded.isChild, 'relationships', guarded.basis);
    return { person, header, relationships: related, can: abilitiesOf(guarded) };
  });
}

export async function viewGenogram(deps: AppDeps, ctx: RequestContext, personId: string): Promise<FamilyView & { readonly genogram: Genogram }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const guarded = await guardPerson(trx, ctx.actor, 'read', personId, now);
    if (guarded.mergedIntoPersonId !== null) throw new MergedRecordError(guarded.mergedIntoPersonId);
    const person = await findPersonDetails(trx, personId);
    if (person === undefined) throw new NotFoundError('Person');
    const direct = await listRelatedPeople(trx, guarded.actor, now, [personId]);
    // Grandparents through each parent: the parents' own parents, when recorded on the parents.
    const parentIds = direct.filter((r) => r.relationship === 'parent').map((r) => r.relatedPersonId);
    const throughParents = (await listRelatedPeople(trx, guarded.actor, now, parentIds)).filter((r) => r.relationship === 'parent' && r.relatedPersonId !== personId);
    const seen = new Set<string>([personId]);
    const relatives: GenogramRelative[] = [];
    const asRelative = (r: (typeof direct)[number], relationship: GenogramRelative['relationship'], parentOf: string | null): GenogramRelative => ({
      id: r.relatedPersonId,
      name: r.visible ? `${r.givenName} ${r.familyName}` : 'Restricted record',
      gender: r.gender,
      personType: r.personType,
      dateOfBirth: r.visible ? r.dateOfBirth : null,
      expectedDateOfDelivery: r.visible ? r.expectedDateOfDelivery : null,
      restricted: !r.visible,
      relationship,
      parentalResponsibility: r.parentalResponsibility,
      livesWithFocus: r.livesWith,
      parentOf,
    });
    for (const r of direct) {
      if (seen.has(r.relatedPersonId) || !isRelationshipCode(r.relationship)) continue;
      seen.add(r.relatedPersonId);
      relatives.push(asRelative(r, r.relationship, null));
    }
    for (const r of throughParents) {
      const existing = relatives.findIndex((x) => x.id === r.relatedPersonId);
      if (existing >= 0) {
        const known = relatives[existing];
        if (known !== undefined && known.relationship === 'grandparent') relatives[existing] = { ...known, parentOf: r.personId };
        continue;
      }
      seen.add(r.relatedPersonId);
      relatives.push({ ...asRelative(r, 'grandparent', r.personId), parentalResponsibility: false, livesWithFocus: false });
    }
    const focus = {
      id: person.id,
      name: `${person.givenName} ${person.familyName}`,
      gender: person.gender,
      personType: person.personType,
      dateOfBirth: person.dateOfBirth,
      expectedDateOfDelivery: person.expectedDateOfDelivery,
    };
    const genogram = layoutGenogram(focus, relatives, londonToday(now));
    const header = guarded.isChild ? ((await loadChildRecordSummary(trx, personId)) ?? null) : null;
    await auditView(audit, personId, guarded.isChild, 'genogram', guarded.basis);
    return { person, header, relationships: relatedPeopleView(direct), can: abilitiesOf(guarded), genogram };
  });
}
