// A genogram: the family around one person drawn by generation (grandparents, parents, the person
// with their siblings and partner, their children), with the conventional symbols (square male,
// circle female, diamond other or not known, triangle unborn), a double outline for the person the
// diagram is about, shading for everyone in their household, couple lines between parents, a
// sibship line for their children and dashed lines for step and half relations. People outside the
// family tree (carers, connected people, professionals, other relatives) sit in a row of their own.
// Pure layout: coordinates and text only; the page renders it as SVG with a table alternative.
import { ageOn, formatLongDate, parseLocalDate } from '../shared/time/local-date.ts';
import type { PersonType } from './person-codes.ts';
import { relationshipLabel, type RelationshipCode } from './relationships.ts';

export interface GenogramPerson {
  readonly id: string;
  readonly name: string;
  readonly gender: string;
  readonly personType: PersonType;
  readonly dateOfBirth: string | null;
  readonly expectedDateOfDelivery?: string | null;
  /** A restricted record the viewer may not open: drawn without a name or dates. */
  readonly restricted?: boolean;
}

export interface GenogramRelative extends GenogramPerson {
  /** What this person is to the focus person. */
  readonly relationship: RelationshipCode;
  readonly parentalResponsibility: boolean;
  readonly livesWithFocus: boolean;
  /** For a grandparent: the id of the focus person's parent whose parent they are, when known. */
  readonly parentOf?: string | null;
}

export type Shape = 'square' | 'circle' | 'diamond' | 'triangle';

export interface GenogramNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly shape: Shape;
  readonly focus: boolean;
  readonly household: boolean;
  readonly restricted: boolean;
  readonly labels: readonly string[];
}

export interface GenogramLine {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly dashed: boolean;
}

export interface GenogramTableRow {
  readonly name: string;
  readonly relationship: string;
  readonly age: string;
  readonly parentalResponsibility: string;
  readonly household: string;
}

export interface Genogram {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly GenogramNode[];
  readonly lines: readonly GenogramLine[];
  readonly title: string;
  readonly description: string;
  readonly rowLabels: readonly { readonly text: string; readonly y: number }[];
  readonly legendY: number;
  readonly table: readonly GenogramTableRow[];
}

export const SYMBOL = 40;
const COLUMN = 170;
const ROW = 170;
const MARGIN_X = 110;
const MARGIN_TOP = 40;
const BAR_GAP = 36;
const MAX_NAME = 22;
const MIN_WIDTH = 760;

function shapeOf(p: GenogramPerson): Shape {
  if (p.personType === 'unborn') return 'triangle';
  if (p.gender === 'male') return 'square';
  if (p.gender === 'female') return 'circle';
  return 'diamond';
}

function truncate(text: string): string {
  return text.length <= MAX_NAME ? text : `${text.slice(0, MAX_NAME - 1)}…`;
}

function ageText(p: GenogramPerson, today: string): string {
  if (p.restricted === true) return '';
  if (p.personType === 'unborn') return p.expectedDateOfDelivery === null || p.expectedDateOfDelivery === undefined ? 'Unborn' : `Due ${formatLongDate(p.expectedDateOfDelivery)}`;
  if (p.dateOfBirth === null) return 'Age not known';
  const dob = parseLocalDate(p.dateOfBirth);
  const now = parseLocalDate(today);
  return now.isBefore(dob) ? `Born ${formatLongDate(dob)}` : `Age ${String(ageOn(dob, now))}`;
}

function byBirth(a: GenogramPerson, b: GenogramPerson): number {
  const da = a.dateOfBirth ?? a.expectedDateOfDelivery ?? '9999';
  const db = b.dateOfBirth ?? b.expectedDateOfDelivery ?? '9999';
  return da.localeCompare(db) || a.name.localeCompare(b.name);
}

const GENERATION: Partial<Record<RelationshipCode, 'grandparents' | 'parents' | 'own' | 'children'>> = {
  grandparent: 'grandparents',
  parent: 'parents',
  step_parent: 'parents',
  sibling: 'own',
  half_sibling: 'own',
  partner: 'own',
  child: 'children',
  step_child: 'children',
};

export function layoutGenogram(focus: GenogramPerson, relatives: readonly GenogramRelative[], today: string): Genogram {
  const of = (code: RelationshipCode) => relatives.filter((r) => r.relationship === code);
  const parents = [...of('parent')].sort((a, b) => (a.gender === 'male' ? 0 : 1) - (b.gender === 'male' ? 0 : 1) || a.name.localeCompare(b.name));
  const stepParents = of('step_parent');
  const parentRow: GenogramRelative[] = [];
  stepParents.forEach((s, i) => (i % 2 === 0 ? parentRow.unshift(s) : parentRow.push(s)));
  parentRow.splice(Math.ceil(stepParents.length / 2), 0, ...parents);

  const ownRow: GenogramPerson[] = [...of('sibling'), focus].sort(byBirth);
  const focusIndex = ownRow.indexOf(focus);
  ownRow.splice(focusIndex + 1, 0, ...of('partner'));
  ownRow.push(...of('half_sibling').sort(byBirth));

  const childRow = [...of('child'), ...of('step_child')].sort(byBirth);
  const grandparentRow: GenogramRelative[] = [];
  for (const p of parents) grandparentRow.push(...of('grandparent').filter((g) => g.parentOf === p.id));
  grandparentRow.push(...of('grandparent').filter((g) => g.parentOf === undefined || g.parentOf === null || !parents.some((p) => p.id === g.parentOf)));
  const otherRow = relatives.filter((r) => GENERATION[r.relationship] === undefined);

  const rows: { key: string; label: string; people: readonly GenogramPerson[] }[] = [
    { key: 'grandparents', label: 'Grandparents', people: grandparentRow },
    { key: 'parents', label: 'Parents', people: parentRow },
    { key: 'own', label: 'Siblings and partners', people: ownRow },
    { key: 'children', label: 'Children', people: childRow },
    { key: 'others', label: 'Others in their network', people: otherRow },
  ].filter((row) => row.people.length > 0);

  const widest = Math.max(...rows.map((r) => r.people.length));
  // At least as wide as the legend; the page scales the drawing to its column (viewBox).
  const width = Math.max(MIN_WIDTH, MARGIN_X * 2 + Math.max(widest - 1, 1) * COLUMN);
  const relativeById = new Map(relatives.map((r) => [r.id, r]));
  const nodes: GenogramNode[] = [];
  const position = new Map<string, { x: number; y: number }>();
  const rowLabels: { text: string; y: number }[] = [];
  let y = MARGIN_TOP;
  const rowY = new Map<string, number>();
  for (const row of rows) {
    rowY.set(row.key, y);
    rowLabels.push({ text: row.label, y });
    const start = width / 2 - ((row.people.length - 1) * COLUMN) / 2;
    row.people.forEach((p, i) => {
      const x = start + i * COLUMN;
      position.set(p.id, { x, y });
      const rel = relativeById.get(p.id);
      const isFocus = p.id === focus.id;
      const marks = rel === undefined ? [] : [rel.parentalResponsibility ? 'PR' : '', rel.livesWithFocus ? 'same household' : ''].filter((m) => m !== '');
      nodes.push({
        id: p.id,
        x,
        y,
        shape: shapeOf(p),
        focus: isFocus,
        household: isFocus || rel?.livesWithFocus === true,
        restricted: p.restricted === true,
        labels: [
          p.restricted === true ? 'Restricted record' : truncate(p.name),
          isFocus ? 'This person' : relationshipLabel(rel?.relationship ?? ''),
          ageText(p, today),
          marks.join(', '),
        ].filter((l) => l !== ''),
      });
    });
    y += ROW;
  }

  const lines: GenogramLine[] = [];
  const half = SYMBOL / 2;
  const at = (id: string) => position.get(id);
  /** A couple line between two people on a row, returning where their children's line starts. */
  const couple = (a: string, b: string, dashed: boolean): { x: number; y: number } | null => {
    const pa = at(a);
    const pb = at(b);
    if (pa === undefined || pb === undefined) return null;
    const [l, r] = pa.x <= pb.x ? [pa, pb] : [pb, pa];
    lines.push({ x1: l.x + half, y1: l.y, x2: r.x - half, y2: r.y, dashed });
    return { x: (l.x + r.x) / 2, y: l.y };
  };
  const single = (id: string): { x: number; y: number } | null => {
    const p = at(id);
    if (p === undefined) return null;
    lines.push({ x1: p.x + half, y1: p.y, x2: p.x + COLUMN / 2, y2: p.y, dashed: false });
    return { x: p.x + COLUMN / 2, y: p.y };
  };
  /** A sibship: the line down from the parents and a drop to each child. */
  const sibship = (from: { x: number; y: number }, children: readonly { id: string; dashed: boolean }[]) => {
    const placed = children.map((c) => ({ ...c, p: at(c.id) })).filter((c): c is { id: string; dashed: boolean; p: { x: number; y: number } } => c.p !== undefined);
    const first = placed[0];
    if (first === undefined) return;
    const barY = first.p.y - half - BAR_GAP;
    lines.push({ x1: from.x, y1: from.y, x2: from.x, y2: barY, dashed: false });
    const xs = [from.x, ...placed.map((c) => c.p.x)];
    lines.push({ x1: Math.min(...xs), y1: barY, x2: Math.max(...xs), y2: barY, dashed: false });
    for (const c of placed) lines.push({ x1: c.p.x, y1: barY, x2: c.p.x, y2: c.p.y - half, dashed: c.dashed });
  };

  const [p1, p2] = parents;
  const parentsJoin = p1 !== undefined && p2 !== undefined ? couple(p1.id, p2.id, false) : p1 !== undefined ? single(p1.id) : null;
  if (parentsJoin !== null) {
    sibship(parentsJoin, [
      ...ownRow.filter((p) => p.id === focus.id || relativeById.get(p.id)?.relationship === 'sibling').map((p) => ({ id: p.id, dashed: false })),
      ...of('half_sibling').map((p) => ({ id: p.id, dashed: true })),
    ]);
  }
  for (const s of stepParents) {
    const nearest = [...parents].sort((a, b) => Math.abs((at(a.id)?.x ?? 0) - (at(s.id)?.x ?? 0)) - Math.abs((at(b.id)?.x ?? 0) - (at(s.id)?.x ?? 0)))[0];
    if (nearest !== undefined) couple(s.id, nearest.id, true);
  }
  const partner = of('partner')[0];
  const ownJoin = partner === undefined ? (childRow.length > 0 ? single(focus.id) : null) : couple(focus.id, partner.id, false);
  if (ownJoin !== null && childRow.length > 0) sibship(ownJoin, childRow.map((c) => ({ id: c.id, dashed: relativeById.get(c.id)?.relationship === 'step_child' })));
  for (const p of parents) {
    const theirs = grandparentRow.filter((g) => g.parentOf === p.id);
    const [g1, g2] = theirs;
    const join = g1 !== undefined && g2 !== undefined ? couple(g1.id, g2.id, false) : g1 !== undefined ? { x: at(g1.id)?.x ?? 0, y: (at(g1.id)?.y ?? 0) + half } : null;
    const target = at(p.id);
    if (join === null || target === undefined) continue;
    const bendY = target.y - half - BAR_GAP;
    lines.push({ x1: join.x, y1: join.y, x2: join.x, y2: bendY, dashed: false });
    lines.push({ x1: join.x, y1: bendY, x2: target.x, y2: bendY, dashed: false });
    lines.push({ x1: target.x, y1: bendY, x2: target.x, y2: target.y - half, dashed: false });
  }

  const table: GenogramTableRow[] = [focus, ...rows.flatMap((r) => r.people).filter((p) => p.id !== focus.id)].map((p) => {
    const rel = relativeById.get(p.id);
    return {
      name: p.restricted === true ? 'Restricted record' : p.name,
      relationship: p.id === focus.id ? 'This person' : relationshipLabel(rel?.relationship ?? ''),
      age: ageText(p, today) || 'Not shown',
      parentalResponsibility: rel === undefined ? '' : rel.parentalResponsibility ? 'Yes' : 'No',
      household: rel === undefined ? '' : rel.livesWithFocus ? 'Yes' : 'No',
    };
  });
  const counts = rows
    .filter((r) => r.key !== 'own' || r.people.length > 1)
    .map((r) => `${r.label.toLowerCase()}: ${String(r.key === 'own' ? r.people.length - 1 : r.people.length)}`);
  const height = y - ROW + 110 + 90;
  return {
    width,
    height,
    nodes,
    lines,
    title: `Genogram of ${focus.name}`,
    description: `Family diagram centred on ${focus.name}. ${counts.length === 0 ? 'No relatives are recorded.' : `${counts.join('; ')}.`} The table after the diagram lists the same people.`,
    rowLabels,
    legendY: y - ROW + 120,
    table,
  };
}
