// List 2, early help assessments (the early help module): start and completion dates, organisation completing it. Hearth records early help referrals (early_help_referral), not assessments, so there is nothing honest to list until that module records them.
// EMPTY ON PURPOSE: the tables this reads do not exist on the branch this was written on; another
// module is building them and they are merged after it. The Annex A builder already calls this
// extractor, so wiring the module in means replacing the body with a query through an app function
// (returns -> app -> db), along these lines (names to be confirmed):
//   select child_id, started_on, completed_on, organisation from early_help_assessment where started_on <= $to and (completed_on is null or completed_on >= $from)
import type { AnnexEarlyHelpRow } from '../sources.ts';

export async function extractEarlyHelp(): Promise<AnnexEarlyHelpRow[]> {
  return [];
}
