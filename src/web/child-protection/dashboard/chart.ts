// A horizontal bar chart drawn on the server as SVG (no JavaScript), like the MASH dashboard's: the
// template renders these shapes inside an <svg role="img"> with a title and description, and the same
// figures follow in a table (the accessible alternative).
export interface HBar {
  readonly y: number;
  readonly width: number;
  readonly label: string;
  readonly value: number;
  readonly labelY: number;
}

export interface HBarChart {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly barHeight: number;
  readonly bars: readonly HBar[];
  readonly description: string;
}

const WIDTH = 640;
const LEFT = 190;
const BAR = 24;
const GAP = 12;

export function horizontalBars(rows: readonly { readonly label: string; readonly count: number }[], what: string): HBarChart {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const plotWidth = WIDTH - LEFT - 48;
  const bars = rows.map((r, i) => {
    const y = GAP + i * (BAR + GAP);
    return { y, width: Math.round((r.count / max) * plotWidth), label: r.label, value: r.count, labelY: y + BAR / 2 + 5 };
  });
  return {
    width: WIDTH,
    height: GAP + rows.length * (BAR + GAP),
    left: LEFT,
    barHeight: BAR,
    bars,
    description: `${what}: ${rows.map((r) => `${r.label} ${String(r.count)}`).join(', ')}.`,
  };
}
