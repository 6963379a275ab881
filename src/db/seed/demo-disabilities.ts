// The demo authority's children with disabilities (seed 004 §13): three synthetic children already
// allocated to the Children with Disabilities team, one at each stage: confirmed eligible with
// overnight short breaks (first review coming up) and a personal budget request whose panel has
// met (its decision to record), one whose eligibility decision awaits the team manager, and one
// confirmed not eligible with the advice given to the parents. Outcomes and reasons are worked out
// by the domain rules, as the pages do. Every person is synthetic.
import { LocalDate } from '@js-joda/core';
import type { Transaction } from 'kysely';
import {
  ELIGIBILITY_CODES,
  eligibilityOutcome,
  type EligibilityAnswer,
  type EligibilityCode,
  type EvidenceSource,
} from '../../domain/disabilities/eligibility.ts';
import { insertBudgetRequest, insertDecision, insertPanelDecision, insertShortBreak } from '../disabilities/disabilities-repository.ts';
import type { Database } from '../schema.ts';

const londonDate = (at: Date): LocalDate =>
  LocalDate.parse(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at));

function answers(met: Partial<Record<EligibilityCode, { evidence: string; source: EvidenceSource; daysAgo: number }>>, today: LocalDate): EligibilityAnswer[] {
  return ELIGIBILITY_CODES.map((code) => {
    const m = met[code];
    return m === undefined
      ? { code, met: false, evidence: '', evidenceSource: null, evidenceDate: '' }
      : { code, met: true, evidence: m.evidence, evidenceSource: m.source, evidenceDate: today.minusDays(m.daysAgo).toString() };
  });
}

async function decision(
  trx: Transaction<Database>,
  values: { childId: string; answers: EligibilityAnswer[]; summary: string; adviceGiven: string | null; decidedOn: LocalDate; workerId: string; at: Date },
): Promise<{ id: string; outcome: 'eligible' | 'not_eligible' }> {
  const result = eligibilityOutcome(values.answers);
  const id = await insertDecision(
    trx,
    {
      childId: values.childId,
      number: 1,
      outcome: result.outcome,
      reason: result.reason,
      decidingCodes: result.decidingCodes,
      summary: values.summary,
      adviceGiven: result.outcome === 'not_eligible' ? values.adviceGiven : null,
      decidedOn: values.decidedOn.toString(),
      recordedByUserId: values.workerId,
      recordedAt: values.at,
    },
    values.answers,
  );
  return { id, outcome: result.outcome };
}

async function confirm(trx: Transaction<Database>, id: string, managerId: string, at: Date): Promise<void> {
  await trx
    .updateTable('cwdEligibilityDecision')
    .set({ status: 'confirmed', reviewedByUserId: managerId, reviewedAt: at, version: 2 })
    .where('id', '=', id)
    .execute();
}

export async function seedDemoDisabilities(trx: Transaction<Database>, options: { now: Date; teamId: (code: string) => string }): Promise<void> {
  const { now } = options;
  const today = londonDate(now);
  const teamId = options.teamId('CWD');
  const members = await trx.selectFrom('teamMembership').select(['userId', 'isManager']).where('teamId', '=', teamId).orderBy('userId').execute();
  const manager = members.find((m) => m.isManager)?.userId;
  const worker = members.find((m) => !m.isManager)?.userId;
  const children = await trx
    .selectFrom('allocation')
    .innerJoin('person', 'person.id', 'allocation.childId')
    .select('allocation.childId')
    .where('allocation.teamId', '=', teamId)
    .where('allocation.endedOn', 'is', null)
    .where('person.personType', '=', 'child')
    .where('person.restriction', '=', 'none')
    .orderBy('allocation.childId')
    .limit(3)
    .execute();
  const [first, second, third] = children.map((c) => c.childId);
  if (manager === undefined || worker === undefined || first === undefined || second === undefined || third === undefined) return;
  const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

  // 1. Eligible, confirmed; overnight short breaks since 75 days ago; a request whose panel met 3 days ago.
  const eligible = await decision(trx, {
    childId: first,
    answers: answers(
      {
        SEVERE_LEARNING_DISABILITY: {
          evidence: 'Educational psychologist: severe learning disability, needs support in every area of daily living',
          source: 'specialist_assessment',
          daysAgo: 140,
        },
        MULTIPLE_DISABILITIES: {
          evidence: 'Epilepsy and a visual impairment alongside the learning disability (consultant paediatrician)',
          source: 'medical_report',
          daysAgo: 120,
        },
      },
      today,
    ),
    summary: 'The section 17 assessment found needs across every area of daily living; the family need regular breaks to keep caring safely.',
    adviceGiven: null,
    decidedOn: today.minusDays(100),
    workerId: worker,
    at: daysAgo(100),
  });
  await confirm(trx, eligible.id, manager, daysAgo(98));
  await insertShortBreak(trx, {
    childId: first,
    eligibilityDecisionId: eligible.id,
    breakType: 'overnight_care',
    provider: 'Willowbrook short breaks unit',
    amount: 36,
    unit: 'nights',
    startsOn: today.minusDays(75).toString(),
    endsOn: null,
    recordedByUserId: worker,
    recordedAt: daysAgo(80),
  });
  await insertShortBreak(trx, {
    childId: first,
    eligibilityDecisionId: eligible.id,
    breakType: 'activities',
    provider: 'Saturday inclusive sports club',
    amount: 120,
    unit: 'hours',
    startsOn: today.minusDays(60).toString(),
    endsOn: today.plusDays(300).toString(),
    recordedByUserId: worker,
    recordedAt: daysAgo(60),
  });
  const approved = await insertBudgetRequest(trx, {
    childId: first,
    eligibilityDecisionId: eligible.id,
    amountPence: 180_000,
    purpose: 'Sitting service one evening a week so the parents can spend time with the younger sibling.',
    requestedOn: today.minusDays(90).toString(),
    panelDate: today.minusDays(70).toString(),
    recordedByUserId: worker,
    recordedAt: daysAgo(90),
  });
  await insertPanelDecision(trx, {
    requestId: approved,
    childId: first,
    panelDate: today.minusDays(70).toString(),
    decision: 'approved',
    approvedAmountPence: 180_000,
    reason: null,
    nextPanelDate: null,
    recordedByUserId: manager,
    recordedAt: daysAgo(69),
  });
  await trx.updateTable('cwdBudgetRequest').set({ status: 'approved', version: 2 }).where('id', '=', approved).execute();
  await insertBudgetRequest(trx, {
    childId: first,
    eligibilityDecisionId: eligible.id,
    amountPence: 420_000,
    purpose: 'Personal assistant for two sessions a week in the school holidays.',
    requestedOn: today.minusDays(20).toString(),
    panelDate: today.minusDays(3).toString(),
    recordedByUserId: worker,
    recordedAt: daysAgo(20),
  });

  // 2. Recorded yesterday, awaiting the team manager.
  await decision(trx, {
    childId: second,
    answers: answers(
      { ASD_SIGNIFICANT_IMPACT: { evidence: 'Specialist school place; the school reports one-to-one support all day', source: 'school_report', daysAgo: 30 } },
      today,
    ),
    summary: 'Autism significantly affects development; verified independently by the specialist school.',
    adviceGiven: null,
    decidedOn: today.minusDays(1),
    workerId: worker,
    at: daysAgo(1),
  });

  // 3. Not eligible, confirmed, with the advice the parents were given.
  const notEligible = await decision(trx, {
    childId: third,
    answers: answers({ SEMH_ONLY: { evidence: 'CAMHS letter: anxiety and low mood; no disability identified', source: 'medical_report', daysAgo: 50 } }, today),
    summary: 'The child’s needs arise from emotional wellbeing difficulties, not a disability.',
    adviceGiven: 'CAMHS and the school’s mental health support team; the SEND local offer for short breaks that need no assessment.',
    decidedOn: today.minusDays(40),
    workerId: worker,
    at: daysAgo(40),
  });
  await confirm(trx, notEligible.id, manager, daysAgo(38));
}
