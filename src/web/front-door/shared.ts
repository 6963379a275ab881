// What the front-door pages share: ids from the URL, form bodies as strings, and due dates with their
// red/amber/green status and "How this date was worked out" (views: front-door/shared/macros.njk).
import { z } from 'zod';
import { londonDateTime } from '../../app/records/london-clock.ts';
import { NotFoundError } from '../../app/shared/errors.ts';
import { formatDayDate } from '../../domain/shared/time/local-date.ts';
import type { DueExplanation, RagStatus } from '../../domain/shared/timescales/rule.ts';
import { formBody } from '../shared/forms.ts';
import { govukTime } from '../records/moj-date.ts';

export function uuidParam(params: unknown, name: string): string {
  const parsed = z.record(z.string(), z.string()).safeParse(params);
  const value = parsed.success ? parsed.data[name] : undefined;
  if (value === undefined || !z.uuid().safeParse(value).success) throw new NotFoundError(name);
  return value;
}

/** A posted form as strings: a repeated field keeps its first value; anything else is dropped. */
export function formStrings(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(formBody(body))) {
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value) && typeof value[0] === 'string') out[key] = value[0];
  }
  return out;
}

export interface DueView {
  readonly dueOn: string;
  readonly dueText: string;
  readonly summary: string;
  readonly arithmetic: string;
  readonly source: string;
  readonly ruleId: string;
}

export function dueView(due: DueExplanation): DueView {
  return { dueOn: due.due.toString(), dueText: formatDayDate(due.due), summary: due.summary, arithmetic: due.arithmetic, source: due.source, ruleId: due.rule.id };
}

export interface RagView {
  readonly rag: RagStatus['rag'];
  readonly label: string;
  readonly tagText: string;
  readonly tagClass: string;
}

export function ragView(rag: RagStatus): RagView {
  const tag = { red: ['Overdue', 'govuk-tag--red'], amber: ['Due today', 'govuk-tag--yellow'], green: ['On track', 'govuk-tag--green'] }[rag.rag];
  return { rag: rag.rag, label: rag.label, tagText: tag[0] ?? '', tagClass: tag[1] ?? '' };
}

/** "3 April 2026 at 11:59pm". */
export function whenText(at: Date): string {
  const { date, time } = londonDateTime(at);
  return `${formatDayDate(date).replace(/^\w+ /, '')} at ${govukTime(time)}`;
}

/** "2 hours 5 minutes", "3 days 4 hours". */
export function waitingText(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const part = (n: number, one: string) => `${String(n)} ${one}${n === 1 ? '' : 's'}`;
  if (days > 0) return `${part(days, 'day')}${hours > 0 ? ` ${part(hours, 'hour')}` : ''}`;
  if (hours > 0) return `${part(hours, 'hour')}${mins > 0 ? ` ${part(mins, 'minute')}` : ''}`;
  return part(mins, 'minute');
}
