// The Europe/London calendar date and time of day of an instant (domain-spec §2.2: dates and times
// are England's). Only the app layer turns the clock's instant into these; the domain is given them.
const london = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export interface LondonDateTime {
  /** YYYY-MM-DD */
  readonly date: string;
  /** HH:MM, 24-hour clock */
  readonly time: string;
}

export function londonDateTime(at: Date): LondonDateTime {
  const parts = Object.fromEntries(london.formatToParts(at).map((p) => [p.type, p.value]));
  const part = (name: string): string => parts[name] ?? '00';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}
