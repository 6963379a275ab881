// Annex A sources wired to Hearth's records; the extractors whose tables are not merged yet return
// nothing (see extract/).
import type { AppDeps } from '../../app/shared/deps.ts';
import type { RequestContext } from '../../app/shared/request-context.ts';
import { extractAssessments } from './extract/extract-assessments.ts';
import { extractChildrenInNeed } from './extract/extract-children-in-need.ts';
import { extractContacts, extractReferrals } from './extract/extract-contacts-referrals.ts';
import { extractCpPlans } from './extract/extract-cp-plans.ts';
import { extractEarlyHelp } from './extract/extract-early-help.ts';
import { extractSection47 } from './extract/extract-section47.ts';
import type { AnnexSources } from './sources.ts';

export function hearthAnnexSources(deps: AppDeps, ctx: RequestContext): AnnexSources {
  return {
    contacts: (from, to) => extractContacts(deps, ctx, from, to),
    earlyHelp: extractEarlyHelp,
    referrals: (from, to) => extractReferrals(deps, ctx, from, to),
    assessments: extractAssessments,
    section47s: extractSection47,
    childrenInNeed: extractChildrenInNeed,
    childProtectionPlans: extractCpPlans,
  };
}
