// What the statutory returns read from Hearth, behind the 'returns:build' permission. The builders
// in src/returns/ ask for data only through these functions (returns → app → db).
import {
  assessmentsBetween,
  assessmentsOf,
  childrenByIds,
  censusChildIdsUpTo,
  cinEpisodesOf,
  cinEpisodesBetween,
  cinPlansOf,
  cpPlansBetween,
  cpPlansOf,
  earlyHelpAssessmentsBetween,
  section47sBetween,
  section47sOf,
  contactChildrenBetween,
  referralsBetween,
  referralsUpTo,
  type AnnexCinEpisodeRow,
  type AnnexCpPlanReturnRow,
  type AnnexReferralRow,
  type AnnexSection47ReturnRow,
  type AssessmentReturnRow,
  type ChildRow,
  type CinEpisodeReturnRow,
  type CinPlanReturnRow,
  type ContactChildRow,
  type CpPlanReturnRow,
  type EarlyHelpReturnRow,
  type ReferralRow,
  type Section47ReturnRow,
} from '../../db/returns/returns-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';

export type {
  AnnexCinEpisodeRow,
  AnnexCpPlanReturnRow,
  AnnexReferralRow,
  AnnexSection47ReturnRow,
  AssessmentReturnRow,
  ChildRow,
  CinEpisodeReturnRow,
  CinPlanReturnRow,
  ContactChildRow,
  CpPlanReturnRow,
  EarlyHelpReturnRow,
  ReferralRow,
  Section47ReturnRow,
};

export async function readReferralsUpTo(deps: AppDeps, ctx: RequestContext, upTo: string): Promise<ReferralRow[]> {
  requirePermission(ctx, 'returns:build');
  return referralsUpTo(deps.db, upTo);
}

export async function readChildren(deps: AppDeps, ctx: RequestContext, ids: readonly string[]): Promise<ChildRow[]> {
  requirePermission(ctx, 'returns:build');
  return childrenByIds(deps.db, ids);
}

export async function readContactChildren(deps: AppDeps, ctx: RequestContext, from: string, to: string): Promise<ContactChildRow[]> {
  requirePermission(ctx, 'returns:build');
  return contactChildrenBetween(deps.db, from, to);
}

export async function readReferralsBetween(deps: AppDeps, ctx: RequestContext, from: string, to: string): Promise<AnnexReferralRow[]> {
  requirePermission(ctx, 'returns:build');
  return referralsBetween(deps.db, from, to);
}

export async function readCinEpisodes(deps: AppDeps, ctx: RequestContext, ids: readonly string[], upTo: string): Promise<CinEpisodeReturnRow[]> {
  requirePermission(ctx, 'returns:build');
  return cinEpisodesOf(deps.db, ids, upTo);
}

export async function readCensusChildIds(deps: AppDeps, ctx: RequestContext, upTo: string): Promise<string[]> {
  requirePermission(ctx, 'returns:build');
  return censusChildIdsUpTo(deps.db, upTo);
}

export async function readAssessments(deps: AppDeps, ctx: RequestContext, ids: readonly string[], upTo: string): Promise<AssessmentReturnRow[]> {
  requirePermission(ctx, 'returns:build');
  return assessmentsOf(deps.db, ids, upTo);
}

export async function readSection47s(deps: AppDeps, ctx: RequestContext, ids: readonly string[], upTo: string): Promise<Section47ReturnRow[]> {
  requirePermission(ctx, 'returns:build');
  return section47sOf(deps.db, ids, upTo);
}

export async function readCpPlans(deps: AppDeps, ctx: RequestContext, ids: readonly string[], upTo: string): Promise<CpPlanReturnRow[]> {
  requirePermission(ctx, 'returns:build');
  return cpPlansOf(deps.db, ids, upTo);
}

export async function readCinPlans(deps: AppDeps, ctx: RequestContext, ids: readonly string[], upTo: string): Promise<CinPlanReturnRow[]> {
  requirePermission(ctx, 'returns:build');
  return cinPlansOf(deps.db, ids, upTo);
}

export async function readEarlyHelpAssessmentsBetween(deps: AppDeps, ctx: RequestContext, from: string, to: string): Promise<EarlyHelpReturnRow[]> {
  requirePermission(ctx, 'returns:build');
  return earlyHelpAssessmentsBetween(deps.db, from, to);
}

export async function readAssessmentsBetween(deps: AppDeps, ctx: RequestContext, from: string, to: string): Promise<AssessmentReturnRow[]> {
  requirePermission(ctx, 'returns:build');
  return assessmentsBetween(deps.db, from, to);
}

export async function readSection47sBetween(deps: AppDeps, ctx: RequestContext, from: string, to: string): Promise<AnnexSection47ReturnRow[]> {
  requirePermission(ctx, 'returns:build');
  return section47sBetween(deps.db, from, to);
}

export async function readCinEpisodesBetween(deps: AppDeps, ctx: RequestContext, from: string, to: string): Promise<AnnexCinEpisodeRow[]> {
  requirePermission(ctx, 'returns:build');
  return cinEpisodesBetween(deps.db, from, to);
}

export async function readCpPlansBetween(deps: AppDeps, ctx: RequestContext, from: string, to: string): Promise<AnnexCpPlanReturnRow[]> {
  requirePermission(ctx, 'returns:build');
  return cpPlansBetween(deps.db, from, to);
}
