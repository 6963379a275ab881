// The assessment written to the child: the plain-language letter section as a Word document the worker
// can share with the child (seed 004 §6: assessments are written in plain English and shared, where
// appropriate, with the young person). Marked OFFICIAL-SENSITIVE and stamped with who exported it and
// when (RELIABILITY.md §3.2 rule 12), as the chronology export is.
import { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { formatLongDate } from '../../domain/shared/time/local-date.ts';
import { exportStamp, PROTECTIVE_MARKING } from '../chronology/chronology-docx.ts';
import { londonDateTime } from '../records/london-clock.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { openAssessment } from './assessment-access.ts';

const STRONG = 'HearthStrong';
const EMPHASIS = 'HearthEmphasis';

const marking = () => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: PROTECTIVE_MARKING, style: STRONG })] });

export interface LetterDocument {
  readonly childGivenName: string;
  readonly letter: string;
  readonly workerName: string;
  readonly writtenOn: string;
  readonly exportedBy: string;
  readonly exportedAt: Date;
}

export async function letterDocx(document: LetterDocument): Promise<Uint8Array> {
  const paragraphs = document.letter
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => new Paragraph({ spacing: { after: 200 }, children: [new TextRun({ text: line, size: 28 })] }));
  const doc = new Document({
    title: `Letter to ${document.childGivenName}`,
    creator: 'Hearth',
    description: exportStamp(document.exportedBy, document.exportedAt),
    styles: {
      characterStyles: [
        { id: STRONG, name: 'Hearth strong', run: { bold: true } },
        { id: EMPHASIS, name: 'Hearth emphasis', run: { italics: true } },
      ],
    },
    sections: [
      {
        headers: { default: new Header({ children: [marking()] }) },
        footers: {
          default: new Footer({
            children: [
              marking(),
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: exportStamp(document.exportedBy, document.exportedAt), style: EMPHASIS })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`Dear ${document.childGivenName}`)] }),
          ...paragraphs,
          new Paragraph({ spacing: { before: 400 }, children: [new TextRun({ text: `From ${document.workerName}, your social worker`, size: 28 })] }),
          new Paragraph({ children: [new TextRun({ text: formatLongDate(document.writtenOn), size: 28 })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The letter section of one assessment as a .docx, access-checked and audited as an export. */
export async function assessmentLetterDocx(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  assessmentId: string,
): Promise<{ filename: string; content: Uint8Array }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, child, assessment } = await openAssessment(trx, ctx, 'people:view-child', 'read', childId, assessmentId, now);
    if (assessment.letterToChild.trim() === '') throw new NotFoundError('Letter');
    const writtenOn = assessment.authorisedOn ?? londonDateTime(assessment.updatedAt).date;
    const content = await letterDocx({
      childGivenName: child.givenName,
      letter: assessment.letterToChild,
      workerName: assessment.workerName,
      writtenOn,
      exportedBy: actor.displayName,
      exportedAt: now,
    });
    await audit({ action: 'assessments.letter.exported', subjectType: 'assessment', subjectId: assessmentId, childId, changes: { format: 'docx' } });
    const safeName = child.givenName.replace(/[^A-Za-z0-9-]/g, '') || 'child';
    return { filename: `letter-to-${safeName}.docx`, content };
  });
}
