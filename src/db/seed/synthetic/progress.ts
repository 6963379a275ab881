// A one-line progress bar on stderr for `hearth seed --scale`. Hand-rolled (about 30 lines) rather
// than a dependency: one bar, one line, redrawn at most ten times a second on a terminal; when
// stderr is a file or a pipe (CI logs) it prints a plain line at every 10% instead of \r redraws.

export type ProgressFn = (phase: string, done: number, total: number) => void;

export const noProgress: ProgressFn = () => undefined;

export function progressBar(stream: NodeJS.WriteStream = process.stderr, width = 30): ProgressFn & { end(): void } {
  const started = Date.now();
  let lastDraw = 0;
  let lastPhase = '';
  let lastTenth = -1;
  let drawn = false;
  const fn = (phase: string, done: number, total: number) => {
    const fraction = total <= 0 ? 1 : Math.min(1, done / total);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const text = `${phase.padEnd(14)} ${String(Math.floor(fraction * 100)).padStart(3)}% ${done.toLocaleString('en-GB')}/${total.toLocaleString('en-GB')} ${seconds}s`;
    if (stream.isTTY) {
      const now = Date.now();
      if (phase === lastPhase && now - lastDraw < 100 && fraction < 1) return;
      if (phase !== lastPhase && drawn) stream.write('\n');
      lastDraw = now;
      lastPhase = phase;
      const filled = Math.round(fraction * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}`);
      drawn = true;
      return;
    }
    const tenth = Math.floor(fraction * 10);
    if (phase !== lastPhase || tenth !== lastTenth) {
      lastPhase = phase;
      lastTenth = tenth;
      stream.write(`${text}\n`);
    }
  };
  return Object.assign(fn, {
    end: () => {
      if (stream.isTTY && drawn) stream.write('\n');
    },
  });
}
