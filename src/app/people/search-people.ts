// Person search: by name (typos, first and last names swapped, nicknames, same sound, other names),
// date of birth, NHS number and postcode. Every criterion typed narrows the results (a name
// loosely, a date of birth allowing a slip, an NHS number and a postcode exactly), except that a
// record with the NHS number typed is always shown. Results respect what the actor may see
// (src/app/people/person-matching.ts). The search is audited with the ids it showed.
//
// Indexes (0005_people_records.sql): each candidate branch is one index lookup, limited, so the
// cost does not grow with the number of people: trigram GIN for typos and swapped names, btree
// (family_dm, given_dm) and (family_sx, given_sx) for sound, (lower(family_name), lower(given_name))
// for exact and nickname forms, date_of_birth, nhs_number and postcode_key btrees.
import type { DuplicateLevel } from '../../domain/people/duplicate-score.ts';
import type { AppDeps } from '../shared/deps.ts';
import { AccessRefusedError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { fieldErrorsOf } from '../shared/safe-text.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { personSearchQuery, type PersonSearchQuery } from './person-input.ts';
import { scoredCandidates, toHits, type PersonHit, type ScoredCandidate } from './person-matching.ts';

export type { PersonSearchQuery } from './person-input.ts';
export type { PersonHit } from './person-matching.ts';

export interface PersonSearchResult {
  readonly hits: readonly PersonHit[];
  /** More matched than are shown: ask for more detail (a date of birth, a postcode). */
  readonly truncated: boolean;
}

/** A name matches when its evidence is at least a matching last name, or a first name and more. */
export const NAME_MATCH_MINIMUM = 2;
const DEFAULT_LIMIT = 50;

function passes(c: ScoredCandidate, q: { name?: string | undefined; dateOfBirth?: string | undefined; nhsNumber?: string | undefined; postcode?: string | undefined }): boolean {
  const codes = new Set(c.score.reasons.map((r) => r.code));
  if (q.nhsNumber !== undefined && codes.has('nhs-same')) return true;
  if (q.nhsNumber !== undefined) return false;
  // A weaker name match still shows when the date of birth is the same: a surname may have changed.
  if (q.name !== undefined && c.score.nameScore < NAME_MATCH_MINIMUM && !(codes.has('dob-same') && c.score.nameScore >= 1)) return false;
  if (q.dateOfBirth !== undefined) {
    if (q.name === undefined && !codes.has('dob-same')) return false;
    if (codes.has('dob-different') || (c.record.dateOfBirth === null && c.record.expectedDateOfDelivery === null && q.name === undefined)) return false;
  }
  if (q.postcode !== undefined && !codes.has('postcode-same')) return false;
  return true;
}

export async function searchPeople(deps: AppDeps, ctx: RequestContext, query: PersonSearchQuery): Promise<PersonSearchResult> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const actor = requirePermission(ctx, 'people:search');
    if (actor === null) throw new AccessRefusedError(403, 'not-signed-in', 'Sign in to search for people.', null);
    const parsed = personSearchQuery.safeParse(query);
    if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
    const q = parsed.data;
    // passes() drops a record whose date of birth is different, so the lookups skip them too.
    const scored = await scoredCandidates(trx, actor, now, q, [], { dropDifferentBirthDates: q.dateOfBirth !== undefined });
    const kept = scored.filter((c) => passes(c, q));
    const hits = await toHits(trx, kept);
    const limit = q.limit ?? DEFAULT_LIMIT;
    const shown = hits.slice(0, limit);
    await audit({
      action: 'people.search.performed',
      subjectType: 'person-search',
      changes: {
        criteria: Object.entries(q).filter(([k, v]) => k !== 'limit' && v !== undefined).map(([k]) => k),
        shownPersonIds: shown.flatMap((h) => (h.kind === 'person' ? [h.id] : [])),
        placeholders: shown.filter((h) => h.kind !== 'person').length,
      },
    });
    return { hits: shown, truncated: hits.length > limit };
  });
}

export function levelText(level: DuplicateLevel): string {
  return { 'very-likely': 'Very likely the same person', likely: 'Likely the same person', possible: 'Possibly the same person', unlikely: 'Unlikely to be the same person' }[level];
}
