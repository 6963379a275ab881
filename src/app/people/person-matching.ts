// What search and the duplicate check share: the candidate lookups, the score of each candidate
// against what was typed, and what the actor may be told about each one. A record the actor may not
// open is never shown with its details: a restricted one says whom to ask; a child held by another
// team says which team (RELIABILITY.md §3.2 rule 2); a sealed one is not there at all.
import type { Transaction } from 'kysely';
import {
  findCandidateIds,
  findTrigramCandidateIds,
  loadCandidates,
  teamManagerNames,
  type CandidateCriteria,
  type CandidateRecord,
} from '../../db/people/person-search-repository.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/shared/access/actor.ts';
import { scoreDuplicate, type DuplicateLevel, type DuplicateScore, type PersonForMatching } from '../../domain/people/duplicate-score.ts';
import type { PersonType } from '../../domain/people/person-codes.ts';
import { dateOfBirthVariants, exactNameKeys, parseNameQuery } from '../../domain/people/search-criteria.ts';
import { postcodeKey } from '../../domain/people/postcode.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';

export interface PersonMatch {
  readonly kind: 'person';
  readonly id: string;
  readonly personType: PersonType;
  readonly givenName: string;
  readonly familyName: string;
  readonly otherNames: readonly string[];
  readonly dateOfBirth: string | null;
  readonly dateOfBirthEstimated: boolean;
  readonly expectedDateOfDelivery: string | null;
  readonly gender: string;
  readonly nhsNumber: string | null;
  readonly postcode: string | null;
  readonly restriction: 'none' | 'restricted' | 'sealed';
  readonly teamName: string | null;
  readonly workerName: string | null;
  readonly score: number;
  readonly level: DuplicateLevel;
  readonly reasons: readonly string[];
}

export interface RestrictedMatch {
  readonly kind: 'restricted';
  readonly contactName: string;
  readonly score: number;
  readonly level: DuplicateLevel;
}

export interface HeldElsewhereMatch {
  readonly kind: 'held-elsewhere';
  readonly teamName: string;
  readonly managerNames: readonly string[];
  readonly score: number;
  readonly level: DuplicateLevel;
}

export type PersonHit = PersonMatch | RestrictedMatch | HeldElsewhereMatch;

export interface MatchSubject {
  readonly name?: string | undefined;
  readonly givenName?: string | undefined;
  readonly familyName?: string | undefined;
  readonly dateOfBirth?: string | undefined;
  readonly dateOfBirthEstimated?: boolean | undefined;
  readonly expectedDateOfDelivery?: string | undefined;
  readonly nhsNumber?: string | undefined;
  readonly postcode?: string | undefined;
  readonly gender?: string | undefined;
  /** Parents and carers, when known (a mother for an unborn baby; the parents of an existing record). */
  readonly parentIds?: readonly string[] | undefined;
}

const PER_BRANCH = 50;
const TOTAL = 400;
export const TRIGRAM_THRESHOLD = 0.45;

function isoPlusDays(iso: string, days: number): string {
  return toIsoDate(parseLocalDate(iso).plusDays(days));
}

export interface MatchOptions {
  /**
   * The caller drops every candidate whose date of birth is different from the subject's (a search
   * with a date of birth typed): the name lookups need not look at them.
   */
  readonly dropDifferentBirthDates?: boolean;
}

export function criteriaFor(subject: MatchSubject, options: MatchOptions = {}): CandidateCriteria {
  const typedName = subject.name ?? [subject.givenName, subject.familyName].filter((v) => v !== undefined && v !== '').join(' ');
  const name = subject.name === undefined && subject.givenName !== undefined && subject.familyName !== undefined ? `${subject.familyName}, ${subject.givenName}` : typedName;
  const parsed = parseNameQuery(name);
  const readings = parsed.readings;
  return {
    parses: readings,
    singleWord: parsed.singleWord,
    trigramText: parsed.words.length === 0 ? null : parsed.words.join(' '),
    exactKeys: exactNameKeys(readings),
    words: parsed.words,
    dobs: subject.dateOfBirth === undefined ? [] : parsed.words.length === 0 ? [subject.dateOfBirth] : dateOfBirthVariants(subject.dateOfBirth),
    sameBirthOnly:
      options.dropDifferentBirthDates === true && subject.dateOfBirth !== undefined && subject.dateOfBirthEstimated !== true && subject.expectedDateOfDelivery === undefined
        ? dateOfBirthVariants(subject.dateOfBirth)
        : null,
    eddRange: subject.expectedDateOfDelivery === undefined ? null : { from: isoPlusDays(subject.expectedDateOfDelivery, -45), to: isoPlusDays(subject.expectedDateOfDelivery, 45) },
    nhsNumber: subject.nhsNumber ?? null,
    postcodeKey: subject.postcode === undefined ? null : postcodeKey(subject.postcode),
    trigramThreshold: TRIGRAM_THRESHOLD,
    perBranch: PER_BRANCH,
    total: TOTAL,
  };
}

/** The subject as the scoring function sees it; a one-word name may be a first or a last name. */
export function subjectForMatching(subject: MatchSubject): PersonForMatching {
  const parsed = parseNameQuery(subject.name ?? '');
  const names =
    subject.givenName !== undefined && subject.familyName !== undefined
      ? [{ givenName: subject.givenName, familyName: subject.familyName }]
      : parsed.singleWord !== null
        ? [
            { givenName: '', familyName: parsed.singleWord },
            { givenName: parsed.singleWord, familyName: '' },
          ]
        : parsed.readings.map((r) => ({ givenName: r.given, familyName: r.family }));
  return {
    names,
    dateOfBirth: subject.dateOfBirth ?? subject.expectedDateOfDelivery ?? null,
    dateOfBirthEstimated: subject.dateOfBirthEstimated === true || subject.expectedDateOfDelivery !== undefined,
    nhsNumber: subject.nhsNumber ?? null,
    postcodes: subject.postcode === undefined ? [] : [subject.postcode],
    gender: subject.gender ?? null,
    ...(subject.parentIds === undefined ? {} : { parentIds: subject.parentIds }),
  };
}

export function candidateForMatching(c: CandidateRecord): PersonForMatching {
  return {
    names: [
      { givenName: c.givenName, familyName: c.familyName },
      ...c.otherNames.map((n) => ({ givenName: n.givenName, familyName: n.familyName, other: true })),
    ],
    dateOfBirth: c.dateOfBirth ?? c.expectedDateOfDelivery,
    dateOfBirthEstimated: c.dateOfBirthEstimated || c.personType === 'unborn',
    nhsNumber: c.nhsNumber,
    postcodes: [...(c.postcode === null ? [] : [c.postcode]), ...c.pastPostcodes],
    gender: c.gender,
    parentIds: c.parentIds,
  };
}

export interface ScoredCandidate {
  readonly record: CandidateRecord;
  readonly score: DuplicateScore;
}

/**
 * A name match good enough that the trigram lookup is not needed: both names at least one slip
 * away (or a one-word name matched exactly).
 */
export const GOOD_NAME_MATCH = { twoWords: 4.4, oneWord: 3 } as const;

/**
 * Looks candidates up, loads and scores them; the caller decides which to keep. The equality
 * lookups run first; the trigram lookup only when they found no good name match.
 */
export async function scoredCandidates(
  trx: Transaction<Database>,
  actor: Actor,
  now: Date,
  subject: MatchSubject,
  excludeIds: readonly string[] = [],
  options: MatchOptions = {},
): Promise<ScoredCandidate[]> {
  const criteria = criteriaFor(subject, options);
  const me = subjectForMatching(subject);
  const score = async (ids: readonly string[]) =>
    (await loadCandidates(trx, actor, now, ids.filter((id) => !excludeIds.includes(id)))).map((record) => ({ record, score: scoreDuplicate(me, candidateForMatching(record)) }));
  const first = await findCandidateIds(trx, criteria);
  const scored = await score(first);
  const good = criteria.singleWord === null ? GOOD_NAME_MATCH.twoWords : GOOD_NAME_MATCH.oneWord;
  if (criteria.trigramText === null || scored.some((c) => c.score.nameScore >= good)) return scored;
  const seen = new Set(first);
  const more = (await findTrigramCandidateIds(trx, criteria)).filter((id) => !seen.has(id));
  return [...scored, ...(await score(more))];
}

/** What the actor may be told about each kept candidate, best first. */
export async function toHits(trx: Transaction<Database>, kept: readonly ScoredCandidate[]): Promise<PersonHit[]> {
  const sorted = [...kept].sort((a, b) => b.score.score - a.score.score || a.record.familyName.localeCompare(b.record.familyName) || a.record.givenName.localeCompare(b.record.givenName));
  const hiddenTeams = sorted.filter((c) => !c.record.visible && c.record.restriction === 'none' && c.record.teamId !== null).map((c) => c.record.teamId ?? '');
  const managers = await teamManagerNames(trx, [...new Set(hiddenTeams)]);
  const hits: PersonHit[] = [];
  for (const { record: r, score } of sorted) {
    if (r.visible) {
      hits.push({
        kind: 'person',
        id: r.id,
        personType: r.personType,
        givenName: r.givenName,
        familyName: r.familyName,
        otherNames: r.otherNames.map((n) => `${n.givenName} ${n.familyName}`),
        dateOfBirth: r.dateOfBirth,
        dateOfBirthEstimated: r.dateOfBirthEstimated,
        expectedDateOfDelivery: r.expectedDateOfDelivery,
        gender: r.gender,
        nhsNumber: r.nhsNumber,
        postcode: r.postcode,
        restriction: r.restriction,
        teamName: r.teamName,
        workerName: r.workerName,
        score: score.score,
        level: score.level,
        reasons: score.reasons.filter((reason) => reason.weight > 0).map((reason) => reason.text),
      });
    } else if (r.restriction === 'restricted') {
      hits.push({ kind: 'restricted', contactName: r.contactName ?? 'the head of service', score: score.score, level: score.level });
    } else if (r.restriction === 'none' && r.teamId !== null && r.teamName !== null) {
      hits.push({ kind: 'held-elsewhere', teamName: r.teamName, managerNames: managers.get(r.teamId) ?? [], score: score.score, level: score.level });
    }
  }
  return hits;
}
