// Search and duplicate-check results as the pages show them. A record the user may not open is
// shown only as whom to ask: no name, date of birth or anything else that identifies the person.
import type { PersonHit } from '../../../app/people/search-people.ts';
import { levelText } from '../../../app/people/search-people.ts';
import { formatNhsNumber } from '../../../domain/shared/identifiers/nhs-number.ts';
import { PERSON_TYPE_LABELS } from '../../../domain/people/person-codes.ts';
import { paths } from '../../shared/paths.ts';
import { dateOfBirthText, genderText } from './person-view.ts';

export type HitView =
  | {
      readonly kind: 'person';
      readonly id: string;
      readonly name: string;
      readonly href: string;
      readonly typeLabel: string;
      readonly born: string;
      readonly gender: string;
      readonly nhsNumber: string;
      readonly postcode: string;
      readonly allocation: string;
      readonly otherNames: string;
      readonly reasons: readonly string[];
      readonly level: string;
      readonly restricted: boolean;
    }
  | { readonly kind: 'restricted'; readonly text: string; readonly level: string }
  | { readonly kind: 'held-elsewhere'; readonly text: string; readonly level: string };

export function hitView(hit: PersonHit, today: string): HitView {
  if (hit.kind === 'restricted') return { kind: 'restricted', text: `Restricted record: ask ${hit.contactName}`, level: levelText(hit.level) };
  if (hit.kind === 'held-elsewhere') {
    const ask = hit.managerNames.length === 0 ? 'the team’s manager' : hit.managerNames.join(' or ');
    return { kind: 'held-elsewhere', text: `A record held by ${hit.teamName}: ask ${ask}`, level: levelText(hit.level) };
  }
  return {
    kind: 'person',
    id: hit.id,
    name: `${hit.givenName} ${hit.familyName}`,
    href: hit.personType === 'adult' ? paths.person(hit.id) : paths.child(hit.id),
    typeLabel: PERSON_TYPE_LABELS[hit.personType],
    born: dateOfBirthText(hit, today),
    gender: genderText(hit.gender),
    nhsNumber: hit.nhsNumber === null ? 'Not recorded' : formatNhsNumber(hit.nhsNumber),
    postcode: hit.postcode ?? 'Not recorded',
    allocation: hit.teamName === null ? (hit.personType === 'adult' ? 'Adult' : 'Not allocated') : `${hit.teamName}${hit.workerName === null ? '' : `, ${hit.workerName}`}`,
    otherNames: hit.otherNames.join(', '),
    reasons: hit.reasons,
    level: levelText(hit.level),
    restricted: hit.restriction !== 'none',
  };
}
