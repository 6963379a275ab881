// The body of a person's record page (child or adult), shaped for the templates. Pure.
import type { PersonRecordView } from '../../../app/people/person-record-view.ts';
import { formatLongDate } from '../../../domain/shared/time/local-date.ts';
import { paths } from '../../shared/paths.ts';
import { addressLines, dateOfBirthText, longDateOrBlank, nameTypeLabel, personSummaryRows } from './person-view.ts';

export interface RecordAction {
  readonly text: string;
  readonly href: string;
}

function period(from: string | null, to: string | null): string {
  if (from === null && to === null) return 'Dates not known';
  if (to === null) return `Since ${formatLongDate(from ?? '')}`;
  if (from === null) return `Until ${formatLongDate(to)}`;
  return `${formatLongDate(from)} to ${formatLongDate(to)}`;
}

export function recordBody(record: PersonRecordView, today: string) {
  const { person } = record;
  const isChild = person.personType !== 'adult';
  const actions: RecordAction[] = [];
  if (record.can.change) {
    actions.push({ text: 'Change details', href: paths.editPerson(person.id) });
    actions.push({ text: 'Names they have used', href: paths.personNames(person.id) });
    actions.push({ text: 'Addresses', href: paths.personAddresses(person.id) });
  }
  if (!isChild && person.gender === 'female' && record.can.createPerson) actions.push({ text: 'Add an unborn baby', href: paths.newPerson({ type: 'unborn', motherId: person.id }) });
  if (record.can.restrict) actions.push({ text: person.restriction === 'restricted' ? 'Lift or change the restriction' : 'Restrict this record', href: paths.restriction(person.id) });
  if (record.can.viewAudit) actions.push({ text: 'Who viewed this record', href: paths.whoViewed(person.id) });
  if (record.can.merge) actions.push({ text: 'Merge a duplicate record into this one', href: paths.merge(person.id) });
  return {
    isChild,
    summaryRows: personSummaryRows(person, today),
    names: record.names.map((n) => [{ text: `${n.givenName} ${n.familyName}` }, { text: nameTypeLabel(n.nameType) }, { text: period(n.usedFrom, n.usedTo) }]),
    addresses: record.addresses.map((a) => [
      { text: addressLines(a).join(', ') },
      { text: a.isCurrent ? 'Current address' : 'Previous address' },
      { text: a.isCurrent ? (a.movedIn === null ? 'Date moved in not known' : `Since ${formatLongDate(a.movedIn)}`) : period(a.movedIn, a.movedOut) },
    ]),
    family: record.relationships.map((r) => ({
      name: r.name,
      href: r.named ? paths.record(r.relatedPersonId, r.personType !== 'adult') : null,
      relationship: r.relationshipLabel,
      born: r.named ? dateOfBirthText({ personType: r.personType, dateOfBirth: r.dateOfBirth, expectedDateOfDelivery: r.expectedDateOfDelivery }, today) : '',
      parentalResponsibility: r.parentalResponsibility ? 'Yes' : 'No',
      livesWith: r.livesWith ? 'Yes' : 'No',
    })),
    mergedFrom: record.mergedFrom.map((m) => ({
      text: `${m.givenName} ${m.familyName} (record ${m.id.slice(-12)}) was merged into this record${m.mergedAt === null ? '' : ` on ${longDateOrBlank(m.mergedAt.toISOString().slice(0, 10))}`}${m.mergedByName === null ? '' : ` by ${m.mergedByName}`}.`,
    })),
    restriction:
      person.restriction === 'restricted'
        ? `Restricted record. People who are not allocated or named must ask ${person.restrictionContactName ?? 'the named manager'}.${person.restrictionReason === null ? '' : ` Reason: ${person.restrictionReason}`}`
        : null,
    actions,
    relationshipsHref: paths.relationships(person.id, isChild),
    genogramHref: paths.genogram(person.id, isChild),
  };
}
