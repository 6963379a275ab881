// The census sources wired to Hearth's records. Extractors whose tables are not yet merged return
// nothing (see each extract-*.ts).
import type { AppDeps } from '../../app/shared/deps.ts';
import type { RequestContext } from '../../app/shared/request-context.ts';
import { extractAssessments } from './extract/extract-assessments.ts';
import { extractCinPlans } from './extract/extract-cin-plans.ts';
import { extractClosures } from './extract/extract-closures.ts';
import { extractCpPlans } from './extract/extract-cp-plans.ts';
import { extractPeople } from './extract/extract-people.ts';
import { extractReferrals } from './extract/extract-referrals.ts';
import { extractSection47 } from './extract/extract-section47.ts';
import type { CensusSources } from './extract/sources.ts';

export function hearthCensusSources(deps: AppDeps, ctx: RequestContext): CensusSources {
  return {
    referrals: (upTo) => extractReferrals(deps, ctx, upTo),
    people: (ids) => extractPeople(deps, ctx, ids),
    closures: extractClosures,
    assessments: extractAssessments,
    section47s: extractSection47,
    childProtectionPlans: extractCpPlans,
    cinPlans: extractCinPlans,
  };
}

export const CENSUS_SOFTWARE = { softwareCode: 'Hearth', release: '0.1.0' } as const;
