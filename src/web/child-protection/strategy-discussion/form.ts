// The strategy discussion form: its posted fields (kept as typed, in drafts too) and the input they
// describe once every date is real. The use case checks the rules (src/domain/child-protection/).
import type { DecisionInput, MeetingInput, RecordStrategyDiscussionInput } from '../../../app/child-protection/record-strategy-discussion.ts';
import {
  AGENCIES,
  INTERIM_LIVING,
  STRATEGY_DECISIONS,
  type Agency,
  type InterimLiving,
  type StrategyDecision,
} from '../../../domain/child-protection/strategy-discussion.ts';
import { dateField, text, yesNo } from '../strategy-discussion-shared.ts';

/** Fixed rows for the people who took part (children's social care, police, health first). */
export const ATTENDEE_ROWS = 8;
export const DEFAULT_AGENCIES: readonly Agency[] = ['childrens_social_care', 'police', 'health', 'education'];

export const FORM_MESSAGES = {
  heldOn: 'Enter the date of the strategy discussion',
  format: 'Select whether it was a discussion or a meeting',
  mashChecks: 'Select whether the MASH checks were considered',
  agency: 'Select the agency of each person who took part',
  attended: 'Select whether each person attended or sent a report',
  decision: 'Select the decision for each child',
  version: 'Reload the page and try again',
} as const;

const isAgency = (v: string): v is Agency => (AGENCIES as readonly string[]).includes(v);
const isDecision = (v: string): v is StrategyDecision => (STRATEGY_DECISIONS as readonly string[]).includes(v);
const isInterim = (v: string): v is InterimLiving => (INTERIM_LIVING as readonly string[]).includes(v);

export function defaultValues(): Record<string, string> {
  const values: Record<string, string> = {};
  DEFAULT_AGENCIES.forEach((agency, i) => (values[`attendee-${String(i + 1)}-agency`] = agency));
  return values;
}

/** Parses the posted form for the children whose decisions are waiting (`childIds`). */
export function recordInputOf(
  values: Record<string, string>,
  held: boolean,
  childIds: readonly string[],
): { input: RecordStrategyDiscussionInput } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  let meeting: MeetingInput | null = null;
  if (!held) {
    const heldOn = dateField(values, 'heldOn', 'Date of the strategy discussion', errors, FORM_MESSAGES.heldOn);
    const format = values['format'];
    if (format !== 'discussion' && format !== 'meeting') errors['format'] = FORM_MESSAGES.format;
    const mash = yesNo(values, 'mashChecksConsidered');
    if (mash === null) errors['mashChecksConsidered'] = FORM_MESSAGES.mashChecks;
    const attendees = [];
    for (let i = 1; i <= ATTENDEE_ROWS; i += 1) {
      const name = text(values, `attendee-${String(i)}-name`);
      const role = text(values, `attendee-${String(i)}-role`);
      const report = text(values, `attendee-${String(i)}-report`);
      if (name === '' && role === '' && report === '') continue;
      const agency = values[`attendee-${String(i)}-agency`] ?? '';
      const attended = yesNo(values, `attendee-${String(i)}-attended`);
      if (!isAgency(agency)) errors['attendees'] ??= FORM_MESSAGES.agency;
      else if (attended === null) errors['attendees'] ??= FORM_MESSAGES.attended;
      else attendees.push({ agency, name, role, attended, reportSummary: attended ? null : report });
    }
    if (heldOn !== null && (format === 'discussion' || format === 'meeting') && mash !== null) {
      meeting = {
        heldOn,
        format,
        chairName: text(values, 'chairName'),
        mashChecksConsidered: mash,
        mashChecksSummary: mash ? text(values, 'mashChecksSummary') : null,
        attendees,
      };
    }
  }
  const decisions: DecisionInput[] = [];
  for (const childId of childIds) {
    const decision = values[`decision-${childId}`] ?? '';
    if (!isDecision(decision)) {
      errors[`decision-${childId}`] = FORM_MESSAGES.decision;
      continue;
    }
    const interim = values[`interimLiving-${childId}`] ?? '';
    const next =
      decision === 'further_strategy' ? dateField(values, `nextDiscussionBy-${childId}`, 'Date of the further strategy discussion', errors, null) : null;
    decisions.push({
      childId,
      decision,
      reason: text(values, `reason-${childId}`),
      safetyPlan: text(values, `safetyPlan-${childId}`) === '' ? null : text(values, `safetyPlan-${childId}`),
      interimLiving: isInterim(interim) ? interim : null,
      abeInterviewNeeded: yesNo(values, `abe-${childId}`),
      paediatricExamNeeded: yesNo(values, `paediatric-${childId}`),
      nextDiscussionBy: next,
    });
  }
  const version = Number.parseInt(values['version'] ?? '', 10);
  if (!Number.isSafeInteger(version)) errors['version'] = FORM_MESSAGES.version;
  if (Object.keys(errors).length > 0) return { errors };
  return { input: { version, meeting, decisions } };
}
