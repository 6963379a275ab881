// Targeted early help (seed 004 §7): what other modules may use.
export { placeWithEarlyHelpTeam, viewEarlyHelpQueue, viewEarlyHelpAllocation, allocateEarlyHelpReferral, EARLY_HELP_ALLOCATION_MESSAGES } from './queue.ts';
export { viewEarlyHelp } from './view-early-help.ts';
export { earlyHelpDueItems } from './due-items.ts';
