import { describe, expect, it } from 'vitest';
import { findRepeat, repeatWindowStart, type EarlierEpisode } from '../../../src/domain/front-door/repeat-referral.ts';
import { parseLocalDate as d } from '../../../src/domain/shared/time/local-date.ts';

const contact = (date: string): EarlierEpisode => ({ kind: 'contact', receivedOn: d(date) });
const referral = (date: string): EarlierEpisode => ({ kind: 'referral', receivedOn: d(date) });

describe('repeat contacts and referrals: one in the 12 months before', () => {
  it.each([
    ['no earlier contact', '2026-03-10', [], false],
    ['a contact the day before', '2026-03-10', [contact('2026-03-09')], true],
    ['a contact earlier the same day', '2026-03-10', [contact('2026-03-10')], true],
    ['a referral exactly 12 months before', '2026-03-10', [referral('2025-03-10')], true],
    ['a referral 12 months and a day before', '2026-03-10', [referral('2025-03-09')], false],
    ['only a later contact', '2026-03-10', [contact('2026-03-11')], false],
    ['29 February: the window starts on 28 February', '2028-02-29', [contact('2027-02-28')], true],
    ['29 February: 27 February is outside', '2028-02-29', [contact('2027-02-27')], false],
  ] as const)('%s', (_name, received, earlier, repeat) => {
    expect(findRepeat(d(received), earlier).repeat).toBe(repeat);
  });

  it('gives the most recent earlier episode inside the window', () => {
    const finding = findRepeat(d('2026-03-10'), [contact('2025-06-01'), referral('2026-01-15'), contact('2024-01-01')]);
    expect(finding.mostRecent).toEqual(referral('2026-01-15'));
    expect(finding.windowStart.toString()).toBe('2025-03-10');
  });

  it('starts the window 12 calendar months back', () => {
    expect(repeatWindowStart(d('2026-01-31')).toString()).toBe('2025-01-31');
  });
});
