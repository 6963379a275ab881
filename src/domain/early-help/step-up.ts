// What a step up to social care tells the MASH (seed 004 §3 Level 3: "If a child's situation has not
// improved despite early help support and intervention delivered through the EHA, you should submit a
// MARF through the MASH attaching the EHA, stating what interventions have already been tried";
// domain-spec §4.2 T6). Pure: builds the contact's text from the early help history.
import { formatLongDate } from '../shared/time/local-date.ts';

export interface EarlyHelpHistory {
  readonly reason: string;
  readonly referredOn: string;
  /** The MASH contact's reference, or how the referral came when there was no contact. */
  readonly referralReference: string;
  readonly workerName: string;
  readonly teamName: string;
  readonly assessment: {
    readonly completedOn: string;
    readonly scaling: number;
    readonly worries: string;
    readonly workingWell: string;
    readonly needsToHappen: string;
    readonly childsVoice: string;
  } | null;
  readonly plan: {
    readonly agreedOn: string;
    readonly outcomes: string;
    readonly actions: readonly { readonly action: string; readonly owner: string; readonly dueOn: string }[];
    readonly reviews: readonly { readonly reviewedOn: string; readonly scaling: number; readonly progress: string }[];
  } | null;
}

/** The contact's limits (0008_front_door.sql): worries ≤10,000, what was tried and the child's views ≤5,000 characters. */
const LIMITS = { worries: 10000, whatTried: 5000, childViews: 5000 } as const;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 30)}… (continued on the record)`;
}

export interface StepUpText {
  readonly worries: string;
  readonly whatTried: string | null;
  readonly childViews: string | null;
}

export function stepUpText(h: EarlyHelpHistory): StepUpText {
  const lines = [
    `Step up from targeted early help (${h.teamName}, ${h.workerName}).`,
    `Why social care is needed: ${h.reason}`,
    '',
    `Early help referral ${h.referralReference} on ${formatLongDate(h.referredOn)}.`,
  ];
  if (h.assessment !== null) {
    lines.push(
      `Wellbeing assessment completed ${formatLongDate(h.assessment.completedOn)}, scaling ${String(h.assessment.scaling)} out of 10.`,
      `What we are worried about: ${h.assessment.worries}`,
      `What is working well: ${h.assessment.workingWell}`,
      `What needs to happen: ${h.assessment.needsToHappen}`,
    );
  } else {
    lines.push('No wellbeing assessment was completed.');
  }
  if (h.plan !== null) {
    lines.push(`Plan agreed ${formatLongDate(h.plan.agreedOn)}. Outcomes: ${h.plan.outcomes}`);
    for (const r of h.plan.reviews) lines.push(`Review ${formatLongDate(r.reviewedOn)}, scaling ${String(r.scaling)} out of 10: ${r.progress}`);
  }
  const tried = h.plan === null ? null : h.plan.actions.map((a) => `${a.action} (${a.owner}, by ${formatLongDate(a.dueOn)})`).join('\n');
  return {
    worries: clip(lines.join('\n'), LIMITS.worries),
    whatTried: tried === null || tried === '' ? null : clip(tried, LIMITS.whatTried),
    childViews: h.assessment === null ? null : clip(h.assessment.childsVoice, LIMITS.childViews),
  };
}
