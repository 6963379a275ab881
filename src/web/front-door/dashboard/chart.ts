// A bar chart of contacts in and decisions made by week, drawn on the server as SVG (no JavaScript):
// the template renders these shapes (values escaped like any other text) inside an <svg role="img">
// with a title and description, and the same figures follow in a table.
import type { DashboardWeek } from '../../../domain/front-door/dashboard.ts';
import { formatLongDate } from '../../../domain/shared/time/local-date.ts';

export interface ChartBar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly series: 'contacts' | 'decisions';
  readonly label: string;
}

export interface ChartAxisLabel {
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

export interface WeeklyChart {
  readonly width: number;
  readonly height: number;
  readonly bars: readonly ChartBar[];
  readonly xLabels: readonly ChartAxisLabel[];
  readonly yTicks: readonly { readonly y: number; readonly value: number }[];
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly description: string;
}

const WIDTH = 720;
const HEIGHT = 300;
const MARGIN = { left: 44, right: 12, top: 16, bottom: 48 };

/** A "nice" axis maximum: 1, 2 or 5 times a power of ten, at least `max`. */
function niceMax(max: number): number {
  if (max <= 5) return 5;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

function shortDate(iso: string): string {
  const [day, month] = formatLongDate(iso).split(' ');
  return `${day ?? ''} ${(month ?? '').slice(0, 3)}`;
}

export function weeklyChart(weeks: readonly DashboardWeek[]): WeeklyChart {
  const plot = { left: MARGIN.left, top: MARGIN.top, right: WIDTH - MARGIN.right, bottom: HEIGHT - MARGIN.bottom };
  const max = niceMax(Math.max(0, ...weeks.flatMap((w) => [w.contactsIn, w.decisionsMade])));
  const slot = (plot.right - plot.left) / Math.max(1, weeks.length);
  const barWidth = Math.max(2, Math.floor(slot * 0.36));
  const scale = (v: number) => ((plot.bottom - plot.top) * v) / max;
  const bars: ChartBar[] = [];
  const xLabels: ChartAxisLabel[] = [];
  weeks.forEach((w, i) => {
    const start = w.weekStart.toString();
    const x0 = plot.left + i * slot + (slot - 2 * barWidth) / 2;
    const week = `week of ${formatLongDate(start)}`;
    for (const [series, value, offset] of [
      ['contacts', w.contactsIn, 0],
      ['decisions', w.decisionsMade, barWidth],
    ] as const) {
      const h = scale(value);
      bars.push({ x: Math.round(x0 + offset), y: Math.round(plot.bottom - h), width: barWidth, height: Math.round(h), series, label: `${series === 'contacts' ? 'Contacts in' : 'Decisions made'}, ${week}: ${String(value)}` });
    }
    xLabels.push({ x: Math.round(plot.left + i * slot + slot / 2), y: plot.bottom + 18, text: shortDate(start) });
  });
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => ({ y: Math.round(plot.bottom - (plot.bottom - plot.top) * f), value: Math.round(max * f) }));
  const totalIn = weeks.reduce((a, w) => a + w.contactsIn, 0);
  const totalDecided = weeks.reduce((a, w) => a + w.decisionsMade, 0);
  const first = weeks[0];
  const last = weeks.at(-1);
  const description =
    first === undefined || last === undefined
      ? 'No weeks to show.'
      : `Bar chart of contacts in and decisions made in each of the ${String(weeks.length)} weeks from ${formatLongDate(first.weekStart.toString())} to the week of ${formatLongDate(last.weekStart.toString())}: ${String(totalIn)} contacts in and ${String(totalDecided)} decisions made in all. The table below gives every figure.`;
  return { width: WIDTH, height: HEIGHT, bars, xLabels, yTicks, plot, description };
}
