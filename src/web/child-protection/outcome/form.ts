// The conference outcome form: the posted fields as typed (kept on errors and in the chair's draft),
// and the use case input they describe. All errors are reported at once.
import type { RecordInitialConferenceInput } from '../../../app/child-protection/record-initial-conference.ts';
import type { RecordReviewConferenceInput } from '../../../app/child-protection/record-review-conference.ts';
import type { FieldErrors } from '../../../app/shared/errors.ts';
import { isStorableText } from '../../../app/shared/safe-text.ts';
import { PLAN_END_REASON_CODES, type PlanEndReason } from '../../../domain/child-protection/cp-plan.ts';
import { isCategoryOfAbuse } from '../../../domain/shared/codes/dfe/category-of-abuse.ts';
import { asString, type FormBody } from '../../shared/forms.ts';
import { cpDateFromParts } from '../shared.ts';

export const OUTCOME_FIELDS = ['heldOn', 'attendance', 'decision', 'category', 'leadWorkerUserId', 'coreGroup', 'endReason', 'rationale', 'summaryForChild'];

export interface OutcomeValues {
  readonly version: string;
  readonly heldOnDay: string;
  readonly heldOnMonth: string;
  readonly heldOnYear: string;
  readonly decision: string;
  readonly category: string;
  readonly leadWorkerUserId: string;
  readonly coreGroup: string;
  readonly endReason: string;
  readonly rationale: string;
  readonly summaryForChild: string;
  /** invitation id → attendance code ('' for not recorded) */
  readonly attendance: Readonly<Record<string, string>>;
  /** invitation ids whose report was received */
  readonly reports: readonly string[];
}

export function emptyOutcome(version: number): OutcomeValues {
  return {
    version: String(version),
    heldOnDay: '',
    heldOnMonth: '',
    heldOnYear: '',
    decision: '',
    category: '',
    leadWorkerUserId: '',
    coreGroup: '',
    endReason: '',
    rationale: '',
    summaryForChild: '',
    attendance: {},
    reports: [],
  };
}

const str = (v: unknown): string => asString(v) ?? '';

export function outcomeValues(body: FormBody, invitationIds: readonly string[]): OutcomeValues {
  const attendance: Record<string, string> = {};
  const reports: string[] = [];
  const stored = (body['attendance'] ?? {}) as Record<string, unknown>;
  const storedReports = Array.isArray(body['reports']) ? (body['reports'] as unknown[]) : [];
  for (const id of invitationIds) {
    attendance[id] = str(body[`attendance-${id}`]) || str(stored[id]);
    if (body[`report-${id}`] === 'yes' || storedReports.includes(id)) reports.push(id);
  }
  return {
    version: str(body['version']),
    heldOnDay: str(body['heldOn-day']) || str(body['heldOnDay']),
    heldOnMonth: str(body['heldOn-month']) || str(body['heldOnMonth']),
    heldOnYear: str(body['heldOn-year']) || str(body['heldOnYear']),
    decision: str(body['decision']),
    category: str(body['category']),
    leadWorkerUserId: str(body['leadWorkerUserId']),
    coreGroup: str(body['coreGroup']),
    endReason: str(body['endReason']),
    rationale: str(body['rationale']),
    summaryForChild: str(body['summaryForChild']),
    attendance,
    reports,
  };
}

function textProblems(values: OutcomeValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const limits: [keyof OutcomeValues, number, string][] = [
    ['rationale', 10000, 'Reasons for the decision'],
    ['summaryForChild', 10000, 'The summary written to the child'],
    ['coreGroup', 5000, 'Core group members'],
  ];
  for (const [field, max, label] of limits) {
    const value = values[field] as string;
    if (value.length > max) errors[field] = `${label} must be ${String(max)} characters or fewer`;
    else if (!isStorableText(value)) errors[field] = 'Remove the characters that cannot be stored (control or broken characters)';
  }
  return errors;
}

/** Core group members, one a line: "Name, Agency". */
export function coreGroupOf(text: string): { members: { name: string; agency: string }[] } | { error: string } {
  const members: { name: string; agency: string }[] = [];
  for (const line of text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')) {
    const comma = line.lastIndexOf(',');
    const name = comma === -1 ? '' : line.slice(0, comma).trim();
    const agency = comma === -1 ? '' : line.slice(comma + 1).trim();
    if (name === '' || agency === '' || name.length > 200 || agency.length > 200)
      return { error: `Write each core group member as "name, agency" on a line of their own (check "${line.slice(0, 40)}")` };
    members.push({ name, agency });
  }
  return { members };
}

function common(values: OutcomeValues, errors: Record<string, string>) {
  const date = cpDateFromParts(
    { day: values.heldOnDay, month: values.heldOnMonth, year: values.heldOnYear },
    'Date the conference was held',
    'Enter the date the conference was held',
  );
  if ('error' in date) errors['heldOn'] = date.error;
  const version = Number.parseInt(values.version, 10);
  if (!Number.isSafeInteger(version) || version < 1 || version > 2_147_483_647) errors['decision'] ??= 'The form is out of date: reload the page';
  const attendance = Object.entries(values.attendance)
    .filter(([, a]) => a !== '')
    .map(([invitationId, a]) => {
      if (a !== 'attended' && a !== 'apologies' && a !== 'did_not_attend')
        errors['attendance'] = 'Select whether they attended, sent apologies or did not attend';
      return { invitationId, attendance: a as 'attended' | 'apologies' | 'did_not_attend', reportReceived: values.reports.includes(invitationId) };
    });
  if (values.reports.some((id) => (values.attendance[id] ?? '') === '')) errors['attendance'] ??= 'Record attendance for everyone whose report was received';
  const category = values.category === '' ? null : isCategoryOfAbuse(values.category) ? values.category : null;
  if (values.category !== '' && category === null) errors['category'] = 'Select the category of abuse';
  return {
    heldOn: 'iso' in date ? date.iso : '',
    version,
    attendance,
    category,
    rationale: values.rationale.trim(),
    summaryForChild: values.summaryForChild.trim() === '' ? null : values.summaryForChild.trim(),
  };
}

export function initialInputOf(values: OutcomeValues): { input: RecordInitialConferenceInput } | { errors: FieldErrors } {
  const errors = textProblems(values);
  const base = common(values, errors);
  if (values.decision !== 'plan' && values.decision !== 'no_plan') errors['decision'] = 'Select the conference’s decision';
  if (base.rationale === '') errors['rationale'] = 'Enter the reasons for the decision';
  const coreGroup = values.decision === 'plan' ? coreGroupOf(values.coreGroup) : { members: [] };
  if ('error' in coreGroup) errors['coreGroup'] = coreGroup.error;
  if (Object.keys(errors).length > 0 || 'error' in coreGroup) return { errors };
  return {
    input: {
      version: base.version,
      heldOn: base.heldOn,
      decision: values.decision as 'plan' | 'no_plan',
      category: values.decision === 'plan' ? base.category : null,
      leadWorkerUserId: values.decision === 'plan' && values.leadWorkerUserId !== '' ? values.leadWorkerUserId : null,
      coreGroup: coreGroup.members,
      rationale: base.rationale,
      summaryForChild: base.summaryForChild,
      attendance: base.attendance,
    },
  };
}

export function reviewInputOf(values: OutcomeValues): { input: RecordReviewConferenceInput } | { errors: FieldErrors } {
  const errors = textProblems(values);
  const base = common(values, errors);
  if (values.decision !== 'continue' && values.decision !== 'end') errors['decision'] = 'Select whether the plan continues or ends';
  if (base.rationale === '') errors['rationale'] = 'Enter the reasons for the decision';
  const endReason = (PLAN_END_REASON_CODES as readonly string[]).includes(values.endReason) ? (values.endReason as PlanEndReason) : null;
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      version: base.version,
      heldOn: base.heldOn,
      decision: values.decision as 'continue' | 'end',
      category: values.decision === 'continue' ? base.category : null,
      endReason: values.decision === 'end' ? endReason : null,
      rationale: base.rationale,
      summaryForChild: base.summaryForChild,
      attendance: base.attendance,
    },
  };
}
