// The calendar date in England at an instant (domain-spec §2.2: every date is a Europe/London date),
// for the rules that need "today". Only the app layer turns the clock's instant into a date.
const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

export function londonToday(now: Date): string {
  return londonDate.format(now);
}
