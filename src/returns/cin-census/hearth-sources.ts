// The census sources wired to Hearth's records (see each extract-*.ts for the tables it reads).
import type { AppDeps } from '../../app/shared/deps.ts';
import type { RequestContext } from '../../app/shared/request-context.ts';
import { extractAssessments } from './extract/extract-assessments.ts';
import { extractCinPlans } from './extract/extract-cin-plans.ts';
import { extractCinEpisodes } from './extract/extract-cin-episodes.ts';
import { extractCpPlans } from './extract/extract-cp-plans.ts';
import { extractPeople } from './extract/extract-people.ts';
import { extractReferrals } from './extract/extract-referrals.ts';
import { extractSection47 } from './extract/extract-section47.ts';
import { readCensusChildIds } from '../../app/returns/returns-data.ts';
import type { CensusSources } from './extract/sources.ts';

export function hearthCensusSources(deps: AppDeps, ctx: RequestContext): CensusSources {
  return {
    referrals: (upTo) => extractReferrals(deps, ctx, upTo),
    childIds: (upTo) => readCensusChildIds(deps, ctx, upTo),
    people: (ids) => extractPeople(deps, ctx, ids),
    cinEpisodes: (ids, upTo) => extractCinEpisodes(deps, ctx, ids, upTo),
    assessments: (ids, upTo) => extractAssessments(deps, ctx, ids, upTo),
    section47s: (ids, upTo) => extractSection47(deps, ctx, ids, upTo),
    childProtectionPlans: (ids, upTo) => extractCpPlans(deps, ctx, ids, upTo),
    cinPlans: (ids, upTo) => extractCinPlans(deps, ctx, ids, upTo),
  };
}

export const CENSUS_SOFTWARE = { softwareCode: 'Hearth', release: '0.1.0' } as const;
