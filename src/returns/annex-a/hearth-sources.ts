// Annex A sources wired to Hearth's records (see extract/ for the tables each list reads).
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
    earlyHelp: (from, to) => extractEarlyHelp(deps, ctx, from, to),
    referrals: (from, to) => extractReferrals(deps, ctx, from, to),
    assessments: (from, to) => extractAssessments(deps, ctx, from, to),
    section47s: (from, to) => extractSection47(deps, ctx, from, to),
    childrenInNeed: (from, to) => extractChildrenInNeed(deps, ctx, from, to),
    childProtectionPlans: (from, to) => extractCpPlans(deps, ctx, from, to),
  };
}
