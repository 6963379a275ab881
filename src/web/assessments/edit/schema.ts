// The assessment form: the posted fields as typed (kept on errors), the values an assessment opens
// with, and the content they describe once the dates are real dates. Every error at once.
import { assessmentContentInput, type AssessmentContentInput } from '../../../app/assessments/assessment-input.ts';
import type { AssessmentRow } from '../../../app/assessments/view-assessments.ts';
import type { FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import { SECTION_KEYS, type AssessmentSection } from '../../../domain/assessments/child-and-family-assessment.ts';
import { asArray, asString, type FormBody } from '../../shared/forms.ts';
import { datePartsOf, isoFromDateParts, type DateParts } from '../../records/shared.ts';

export const FIELDS = [
  'planningChecklist',
  'planningNotes',
  'childSeenOn',
  'childSeenAloneOn',
  'notSeenAloneReason',
  'childDevelopment',
  'parentingCapacity',
  'familyEnvironment',
  'childVoice',
  'strengths',
  'worries',
  'analysis',
  'factors',
  'primaryNeed',
  'letterToChild',
];

export const DATE_FIELDS = ['childSeenOn', 'childSeenAloneOn'];

export interface AssessmentFormValues {
  readonly sections: Record<AssessmentSection, string>;
  readonly planningChecklist: string[];
  readonly childSeenOn: DateParts;
  readonly childSeenAloneOn: DateParts;
  readonly notSeenAloneReason: string;
  readonly factors: string[];
  readonly primaryNeed: string;
}

const parts = (body: FormBody, name: string): DateParts => ({
  day: asString(body[`${name}-day`]) ?? '',
  month: asString(body[`${name}-month`]) ?? '',
  year: asString(body[`${name}-year`]) ?? '',
});

export function formValues(body: FormBody): AssessmentFormValues {
  return {
    sections: Object.fromEntries(SECTION_KEYS.map((k) => [k, asString(body[k]) ?? ''])) as Record<AssessmentSection, string>,
    planningChecklist: asArray(body['planningChecklist']),
    childSeenOn: parts(body, 'childSeenOn'),
    childSeenAloneOn: parts(body, 'childSeenAloneOn'),
    notSeenAloneReason: asString(body['notSeenAloneReason']) ?? '',
    factors: asArray(body['factors']),
    primaryNeed: asString(body['primaryNeed']) ?? '',
  };
}

export function storedValues(a: AssessmentRow): AssessmentFormValues {
  return {
    sections: Object.fromEntries(SECTION_KEYS.map((k) => [k, a[k]])) as Record<AssessmentSection, string>,
    planningChecklist: a.planningChecklist,
    childSeenOn: datePartsOf(a.childSeenOn),
    childSeenAloneOn: datePartsOf(a.childSeenAloneOn),
    notSeenAloneReason: a.notSeenAloneReason ?? '',
    factors: a.factors,
    primaryNeed: a.primaryNeed ?? '',
  };
}

const blank = (p: DateParts): boolean => p.day.trim() === '' && p.month.trim() === '' && p.year.trim() === '';

function optionalDate(p: DateParts, label: string): { iso: string | null } | { error: string } {
  if (blank(p)) return { iso: null };
  return isoFromDateParts(p, label, `Enter ${label.toLowerCase()}`);
}

export function contentOf(values: AssessmentFormValues): { content: AssessmentContentInput } | { errors: FieldErrors } {
  const errors: Record<string, string> = {};
  const seen = optionalDate(values.childSeenOn, 'The date the child was seen');
  const alone = optionalDate(values.childSeenAloneOn, 'The date the child was seen alone');
  if ('error' in seen) errors['childSeenOn'] = seen.error;
  if ('error' in alone) errors['childSeenAloneOn'] = alone.error;
  const reason = values.notSeenAloneReason.trim();
  const parsed = assessmentContentInput.safeParse({
    sections: values.sections,
    planningChecklist: values.planningChecklist,
    childSeenOn: 'iso' in seen ? seen.iso : null,
    childSeenAloneOn: 'iso' in alone ? alone.iso : null,
    notSeenAloneReason: reason === '' ? null : reason,
    factors: values.factors,
    primaryNeed: values.primaryNeed === '' ? null : values.primaryNeed,
  });
  if (!parsed.success) {
    for (const [key, message] of Object.entries(fieldErrorsOf(parsed.error))) {
      const field = key.startsWith('sections.') ? (key.split('.')[1] ?? key) : (key.split('.')[0] ?? key);
      errors[field] ??= message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { errors };
  return { content: parsed.data };
}
