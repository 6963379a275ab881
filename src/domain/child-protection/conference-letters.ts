// The words of the letters a conference sends, from templates: the decision letter (to the family and
// everyone invited) and the summary written to the child. Pure: the facts are parameters; the app
// layer turns the paragraphs into a Word document.
import { formatLongDate } from '../shared/time/local-date.ts';
import { categoryOfAbuseLabel } from '../shared/codes/dfe/category-of-abuse.ts';
import { planEndReasonLabel } from './cp-plan.ts';

export interface LetterFacts {
  readonly childName: string;
  readonly childGivenName: string;
  readonly kind: 'initial' | 'review';
  readonly heldOn: string;
  readonly chairName: string;
  readonly decision: 'plan' | 'no_plan' | 'continue' | 'end';
  readonly category: string | null;
  readonly endReason: string | null;
  readonly leadWorkerName: string | null;
  readonly nextReviewDueOn: string | null;
  readonly rationale: string;
  readonly attended: readonly string[];
  readonly summaryForChild: string | null;
}

export interface Letter {
  readonly title: string;
  readonly paragraphs: readonly string[];
}

function decisionSentence(f: LetterFacts): string {
  switch (f.decision) {
    case 'plan':
      return `The conference decided that ${f.childName} should be subject to a child protection plan under the category of ${categoryOfAbuseLabel(f.category ?? '').toLowerCase()}.`;
    case 'no_plan':
      return `The conference decided that ${f.childName} does not need a child protection plan.`;
    case 'continue':
      return `The conference decided that ${f.childName}’s child protection plan should continue, under the category of ${categoryOfAbuseLabel(f.category ?? '').toLowerCase()}.`;
    case 'end':
      return `The conference decided that ${f.childName}’s child protection plan should end (${planEndReasonLabel(f.endReason ?? '').toLowerCase()}).`;
  }
}

export function decisionLetter(f: LetterFacts): Letter {
  const what = f.kind === 'initial' ? 'initial child protection conference' : 'review child protection conference';
  const paragraphs = [
    'Dear parent or carer, and everyone invited to the conference,',
    `A ${what} about ${f.childName} was held on ${formatLongDate(f.heldOn)}, chaired by ${f.chairName}.`,
    decisionSentence(f),
    `The reasons for the decision: ${f.rationale}`,
  ];
  if (f.leadWorkerName !== null && (f.decision === 'plan' || f.decision === 'continue')) paragraphs.push(`The lead social worker is ${f.leadWorkerName}.`);
  if (f.nextReviewDueOn !== null && (f.decision === 'plan' || f.decision === 'continue')) {
    paragraphs.push(
      `The next review conference will be held by ${formatLongDate(f.nextReviewDueOn)}. The core group will meet before then to agree and carry out the detailed plan.`,
    );
  }
  paragraphs.push(f.attended.length === 0 ? 'Attendance was not recorded.' : `Present: ${f.attended.join('; ')}.`);
  paragraphs.push(
    'If you disagree with the decision, or want to complain about how the conference was run, speak to the chair or the social worker, who will tell you how.',
  );
  return { title: `Child protection conference decision: ${f.childName}`, paragraphs };
}

export function summaryForChild(f: LetterFacts): Letter | null {
  if (f.summaryForChild === null) return null;
  const paragraphs = [`Dear ${f.childGivenName},`, ...f.summaryForChild.split(/\r?\n/).filter((line) => line.trim() !== '')];
  if (f.nextReviewDueOn !== null && (f.decision === 'plan' || f.decision === 'continue'))
    paragraphs.push(`We will all meet again by ${formatLongDate(f.nextReviewDueOn)} to see how things are going.`);
  paragraphs.push(`From ${f.chairName}`);
  return { title: `A letter for ${f.childGivenName} about the meeting on ${formatLongDate(f.heldOn)}`, paragraphs };
}
