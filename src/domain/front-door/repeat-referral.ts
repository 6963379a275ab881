// Repeat contacts and referrals (DOMAIN.md journey 1; seed 000: the MASH "prevents re-referrals";
// DfE CIN census and Ofsted Annex A count referrals within 12 months of a previous one). A child is
// a repeat when an earlier contact or referral about them was received in the 12 months before this
// one: on or after the same date 12 months earlier (a 29 February date counts back to 28 February).
import type { LocalDate } from '@js-joda/core';

export const REPEAT_WINDOW_MONTHS = 12;

export interface EarlierEpisode {
  readonly kind: 'contact' | 'referral';
  readonly receivedOn: LocalDate;
}

export interface RepeatFinding {
  readonly repeat: boolean;
  /** The most recent earlier contact or referral inside the window. */
  readonly mostRecent: EarlierEpisode | null;
  readonly windowStart: LocalDate;
}

/** The first day of the 12 months before `receivedOn`. */
export function repeatWindowStart(receivedOn: LocalDate): LocalDate {
  return receivedOn.minusMonths(REPEAT_WINDOW_MONTHS);
}

/**
 * Whether a contact received on `receivedOn` repeats one of `earlier` (the child's other contacts and
 * referrals; the contact itself must not be among them). An earlier one on the same day counts: two
 * contacts about a child in one day are a repeat. Later ones never count.
 */
export function findRepeat(receivedOn: LocalDate, earlier: readonly EarlierEpisode[]): RepeatFinding {
  const windowStart = repeatWindowStart(receivedOn);
  let mostRecent: EarlierEpisode | null = null;
  for (const episode of earlier) {
    if (episode.receivedOn.isBefore(windowStart) || episode.receivedOn.isAfter(receivedOn)) continue;
    if (mostRecent === null || episode.receivedOn.isAfter(mostRecent.receivedOn)) mostRecent = episode;
  }
  return { repeat: mostRecent !== null, mostRecent, windowStart };
}
