import { LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import {
  beyondRegulation48,
  checkPanelDecision,
  formatPounds,
  PANEL_MESSAGES,
  paidServicesAllowed,
  parsePounds,
  SHORT_BREAK_MESSAGES,
  shortBreakProblems,
  shortBreakUnit,
} from '../../../src/domain/disabilities/services.ts';

const TODAY = LocalDate.parse('2026-03-10');
const REQUEST = { amountPence: 240_000, requestedOn: '2026-02-01' };

describe('paid services need a confirmed eligible decision (BR-10)', () => {
  it.each([
    ['eligible', true],
    ['not_eligible', false],
    [null, false],
  ] as const)('%s → %s', (outcome, allowed) => {
    expect(paidServicesAllowed(outcome)).toBe(allowed);
  });
});

describe('short breaks', () => {
  it('counts overnight care in nights and everything else in hours', () => {
    expect(shortBreakUnit('overnight_care')).toBe('nights');
    expect(shortBreakUnit('daytime_care')).toBe('hours');
    expect(shortBreakUnit('activities')).toBe('hours');
  });

  it('flags overnight breaks beyond the 75 nights of regulation 48, not at 75', () => {
    expect(beyondRegulation48('overnight_care', 75)).toBe(false);
    expect(beyondRegulation48('overnight_care', 76)).toBe(true);
    expect(beyondRegulation48('daytime_care', 200)).toBe(false);
  });

  it('checks the kind, the amount and the dates', () => {
    expect(shortBreakProblems({ type: 'overnight_care', amount: '24', startsOn: '2026-03-01', endsOn: '' })).toEqual({});
    expect(shortBreakProblems({ type: 'spa', amount: '0', startsOn: '', endsOn: 'nope' })).toEqual({
      type: SHORT_BREAK_MESSAGES.type,
      amount: SHORT_BREAK_MESSAGES.amount,
      startsOn: SHORT_BREAK_MESSAGES.startsOn,
      endsOn: SHORT_BREAK_MESSAGES.endsOnReal,
    });
    expect(shortBreakProblems({ type: 'overnight_care', amount: '367', startsOn: '2026-03-01', endsOn: '2026-02-28' })).toEqual({
      amount: SHORT_BREAK_MESSAGES.amountTooMany('nights'),
      endsOn: SHORT_BREAK_MESSAGES.endsOnBeforeStart,
    });
    expect(shortBreakProblems({ type: 'daytime_care', amount: '367', startsOn: '2026-03-01', endsOn: '2026-03-01' })).toEqual({});
  });

  it('keeps the start (and the reviews counted from it) inside the working-day calendar', () => {
    expect(shortBreakProblems({ type: 'daytime_care', amount: '10', startsOn: '1977-06-01', endsOn: '' })).toEqual({
      startsOn: 'The date the short breaks start must be on or after 1 January 1978',
    });
    expect(shortBreakProblems({ type: 'overnight_care', amount: '10', startsOn: '9999-01-06', endsOn: '' })).toEqual({
      startsOn: 'The date the short breaks start must be on or before 31 December 9998',
    });
    expect(shortBreakProblems({ type: 'overnight_care', amount: '10', startsOn: '2199-01-06', endsOn: '' })).toEqual({});
  });
});

describe('money', () => {
  it.each([
    ['2400', 240_000],
    ['£2,400.50', 240_050],
    ['0.5', 50],
    ['0', null],
    ['-5', null],
    ['12.345', null],
    ['two hundred', null],
    ['1000001', null],
  ] as const)('parsePounds(%s) = %s', (text, pence) => {
    expect(parsePounds(text)).toBe(pence);
  });

  it('formats pence as pounds', () => {
    expect(formatPounds(240_050)).toBe('£2,400.50');
  });
});

describe('the resource allocation panel’s decision', () => {
  const input = { decision: 'approved', panelDate: '2026-03-05', approvedAmount: '', reason: '', nextPanelDate: '' };

  it('approves the amount requested', () => {
    expect(checkPanelDecision(input, REQUEST, TODAY)).toEqual({
      decision: { decision: 'approved', panelDate: '2026-03-05', approvedAmountPence: 240_000, reason: null, nextPanelDate: null },
    });
  });

  it('needs the new amount and reasons for approval with changes, and a different amount', () => {
    expect(checkPanelDecision({ ...input, decision: 'approved_with_changes' }, REQUEST, TODAY)).toEqual({
      problems: { approvedAmount: PANEL_MESSAGES.approvedAmount, reason: PANEL_MESSAGES.reason },
    });
    expect(checkPanelDecision({ ...input, decision: 'approved_with_changes', approvedAmount: '2400', reason: 'Same' }, REQUEST, TODAY)).toEqual({
      problems: { approvedAmount: PANEL_MESSAGES.approvedAmountSame },
    });
    expect(
      checkPanelDecision({ ...input, decision: 'approved_with_changes', approvedAmount: '1,800', reason: 'Fewer sessions' }, REQUEST, TODAY),
    ).toMatchObject({
      decision: { approvedAmountPence: 180_000, reason: 'Fewer sessions' },
    });
  });

  it('needs reasons to decline', () => {
    expect(checkPanelDecision({ ...input, decision: 'declined' }, REQUEST, TODAY)).toEqual({ problems: { reason: PANEL_MESSAGES.reason } });
  });

  it('needs reasons and a later panel to defer', () => {
    expect(checkPanelDecision({ ...input, decision: 'deferred', reason: 'More information' }, REQUEST, TODAY)).toEqual({
      problems: { nextPanelDate: PANEL_MESSAGES.nextPanelDate },
    });
    expect(checkPanelDecision({ ...input, decision: 'deferred', reason: 'More information', nextPanelDate: '2026-03-05' }, REQUEST, TODAY)).toEqual({
      problems: { nextPanelDate: PANEL_MESSAGES.nextPanelDateAfter },
    });
    expect(checkPanelDecision({ ...input, decision: 'deferred', reason: 'More information', nextPanelDate: '2026-04-02' }, REQUEST, TODAY)).toMatchObject({
      decision: { decision: 'deferred', nextPanelDate: '2026-04-02', approvedAmountPence: null },
    });
  });

  it('refuses a panel in the future or before the request, and no decision', () => {
    expect(checkPanelDecision({ ...input, panelDate: '2026-03-11' }, REQUEST, TODAY)).toEqual({ problems: { panelDate: PANEL_MESSAGES.panelDateFuture } });
    expect(checkPanelDecision({ ...input, panelDate: '2026-01-31' }, REQUEST, TODAY)).toEqual({
      problems: { panelDate: PANEL_MESSAGES.panelDateBeforeRequest },
    });
    expect(checkPanelDecision({ ...input, decision: '' }, REQUEST, TODAY)).toEqual({ problems: { decision: PANEL_MESSAGES.decision } });
  });
});
