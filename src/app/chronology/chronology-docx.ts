// A child's chronology as a Word document (the `docx` package: a .docx is a ZIP of XML parts), the
// shape the Social Work Evidence Template's chronology takes (seed 004 §11): date, what happened,
// source. Marked OFFICIAL-SENSITIVE and stamped with who exported it and when (RELIABILITY.md §3.2
// rule 12: exports are watermarked with the user and time).
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { CHRONOLOGY_CATEGORY_LABELS, type ChronologyFilter, type ChronologyItem } from '../../domain/records/chronology-entry.ts';
import { formatLongDate } from '../../domain/shared/time/local-date.ts';
import type { ChildHeader } from '../records/child-page.ts';
import { londonDateTime } from '../records/london-clock.ts';

export interface ChronologyDocument {
  readonly child: ChildHeader;
  readonly items: readonly ChronologyItem[];
  readonly filter: ChronologyFilter;
  readonly exportedAt: Date;
  readonly exportedBy: string;
}

export const PROTECTIVE_MARKING = 'OFFICIAL-SENSITIVE';

export function describeChronologyFilter(filter: ChronologyFilter): string {
  const categories = filter.categories.length === 0 ? 'all categories' : filter.categories.map((c) => CHRONOLOGY_CATEGORY_LABELS[c]).join(', ');
  const from = filter.from === null ? null : formatLongDate(filter.from);
  const to = filter.to === null ? null : formatLongDate(filter.to);
  const dates = from !== null && to !== null ? `from ${from} to ${to}` : from !== null ? `from ${from}` : to !== null ? `up to ${to}` : 'all dates';
  return `${categories}; ${dates}`;
}

export function exportStamp(exportedBy: string, exportedAt: Date): string {
  const at = londonDateTime(exportedAt);
  return `Exported by ${exportedBy} on ${formatLongDate(at.date)} at ${at.time}`;
}

// Character styles rather than run flags: `bold` on a run's options is taken for String#bold by the linter.
const STRONG = 'HearthStrong';
const EMPHASIS = 'HearthEmphasis';

const cell = (text: string, strong = false) =>
  new TableCell({
    children: text.split(/\r?\n/).map((line) => new Paragraph({ children: [new TextRun({ text: line, ...(strong ? { style: STRONG } : {}) })] })),
  });

const marking = () => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: PROTECTIVE_MARKING, style: STRONG })] });

export async function chronologyDocx(document: ChronologyDocument): Promise<Uint8Array> {
  const { child, items } = document;
  const name = `${child.givenName} ${child.familyName}`;
  const born = child.dateOfBirth === null ? 'Date of birth not known' : `Born ${formatLongDate(child.dateOfBirth)}`;
  const nhs = child.nhsNumber === null ? '' : `; NHS number ${child.nhsNumber.slice(0, 3)} ${child.nhsNumber.slice(3, 6)} ${child.nhsNumber.slice(6)}`;
  const header = new TableRow({
    tableHeader: true,
    children: ['Date', 'Category', 'What happened', 'Source', 'Recorded by'].map((h) => cell(h, true)),
  });
  const rows = items.map(
    (item) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(item.time === null ? formatLongDate(item.date) : `${formatLongDate(item.date)} ${item.time}`),
          cell(CHRONOLOGY_CATEGORY_LABELS[item.category]),
          cell(item.summary),
          cell(item.source),
          cell(item.recordedBy ?? ''),
        ],
      }),
  );
  const doc = new Document({
    title: `Chronology: ${name}`,
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
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        headers: { default: new Header({ children: [marking()] }) },
        footers: {
          default: new Footer({
            children: [
              marking(),
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`Chronology: ${name}`)] }),
          new Paragraph({ children: [new TextRun(`${born}${nhs}`)] }),
          new Paragraph({ children: [new TextRun(`Showing ${describeChronologyFilter(document.filter)}, earliest first.`)] }),
          new Paragraph({ children: [new TextRun({ text: exportStamp(document.exportedBy, document.exportedAt), style: EMPHASIS })] }),
          items.length === 0
            ? new Paragraph({ children: [new TextRun('No entries match this filter.')] })
            : new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
