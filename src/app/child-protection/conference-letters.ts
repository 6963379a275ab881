// The decision letter and the summary written to the child, as Word documents (the `docx` package, as
// the chronology export), marked OFFICIAL-SENSITIVE and stamped with who exported them and when.
import { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { findConference, listInvitations } from '../../db/child-protection/conference-repository.ts';
import { listPlans } from '../../db/child-protection/cp-plan-repository.ts';
import { decisionLetter, summaryForChild, type Letter } from '../../domain/child-protection/conference-letters.ts';
import { exportStamp, PROTECTIVE_MARKING } from '../chronology/chronology-docx.ts';
import type { ChildHeader } from '../records/child-page.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { openForChildProtection } from './cp-access.ts';

const STRONG = 'HearthStrong';
const marking = () => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: PROTECTIVE_MARKING, style: STRONG })] });

export async function letterDocx(letter: Letter, exportedBy: string, exportedAt: Date): Promise<Uint8Array> {
  const doc = new Document({
    title: letter.title,
    creator: 'Hearth',
    description: exportStamp(exportedBy, exportedAt),
    styles: { characterStyles: [{ id: STRONG, name: 'Hearth strong', run: { bold: true } }] },
    sections: [
      {
        headers: { default: new Header({ children: [marking()] }) },
        footers: {
          default: new Footer({
            children: [marking(), new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(exportStamp(exportedBy, exportedAt))] })],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(letter.title)] }),
          ...letter.paragraphs.map((p) => new Paragraph({ spacing: { after: 160 }, children: [new TextRun(p)] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export async function exportConferenceLetter(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  conferenceId: string,
  which: 'decision' | 'child',
): Promise<{ child: ChildHeader; docx: Uint8Array; exportedAt: Date }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, child } = await openForChildProtection(trx, ctx, 'records:export-chronology', 'read', childId, now);
    const conference = await findConference(trx, childId, conferenceId);
    if (conference?.status !== 'held' || conference.decision === null || conference.heldOn === null) throw new NotFoundError('Conference');
    const invitations = await listInvitations(trx, conferenceId);
    const plan = conference.planId === null ? undefined : (await listPlans(trx, childId)).find((p) => p.id === conference.planId);
    const nextReview =
      conference.planId === null
        ? undefined
        : await trx
            .selectFrom('cpConference')
            .select('dueOn')
            .where('planId', '=', conference.planId)
            .where('kind', '=', 'review')
            .where('status', '=', 'to_be_held')
            .executeTakeFirst();
    const facts = {
      childName: `${child.givenName} ${child.familyName}`,
      childGivenName: child.givenName,
      kind: conference.kind,
      heldOn: conference.heldOn,
      chairName: conference.chairName ?? 'the chair',
      decision: conference.decision,
      category: conference.category,
      endReason: conference.endReason,
      leadWorkerName: plan?.leadWorkerName ?? null,
      nextReviewDueOn: nextReview?.dueOn ?? null,
      rationale: conference.rationale ?? '',
      attended: invitations.filter((i) => i.attendance === 'attended').map((i) => `${i.name} (${i.agency})`),
      summaryForChild: conference.summaryForChild,
    };
    const letter = which === 'decision' ? decisionLetter(facts) : summaryForChild(facts);
    if (letter === null) throw new NotFoundError('Summary for the child');
    await audit({ action: 'child-protection.conference-letter.exported', subjectType: 'cp-conference', subjectId: conferenceId, childId, changes: { which } });
    return { child, docx: await letterDocx(letter, actor.displayName, now), exportedAt: now };
  });
}
