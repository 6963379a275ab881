// The `mojDate` Nunjucks filter the MOJ timeline component calls (moj/components/timeline), written
// without MOJ's moment.js dependency, for Hearth's dates: 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM', both
// already Europe/London. GOV.UK style: "23 November 2026", "5:30pm", "midday", "midnight".
import { formatLongDate, isValidIsoDate } from '../../domain/shared/time/local-date.ts';

export function govukTime(hhmm: string): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  if (h === 12 && m === 0) return 'midday';
  if (h === 0 && m === 0) return 'midnight';
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${String(hour12)}${m === 0 ? '' : `:${String(m).padStart(2, '0')}`}${h < 12 ? 'am' : 'pm'}`;
}

export function mojDateFilter(value: unknown, type?: unknown): string {
  if (typeof value !== 'string') return '';
  const [date = '', time] = value.split('T');
  if (!isValidIsoDate(date)) return value;
  const clock = time === undefined ? null : govukTime(time.slice(0, 5));
  if (type === 'time') return clock ?? '';
  if ((type === 'datetime' || type === 'shortdatetime') && clock !== null) return `${formatLongDate(date)} at ${clock}`;
  return formatLongDate(date);
}
