// A contact: what the referrer said, the people it names and their records, earlier involvement
// (repeat flag), the screening so far and the decision or its due date.
import type { FastifyInstance } from 'fastify';
import { downloadEarlyHelpAssessment } from '../../../app/front-door/early-help-assessment.ts';
import { viewContact, type ContactView } from '../../../app/front-door/view-contact.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { AGENCY_CHECK_OUTCOME_LABELS, isPartnerAgency, PARTNER_AGENCY_LABELS, type AgencyCheckStatus } from '../../../domain/front-door/agency-checks.ts';
import { CONSENT_TO_CHECKS_LABELS, OVERRIDE_REASON_LABELS } from '../../../domain/front-door/consent.ts';
import { ADULT_RELATIONSHIP_LABELS, CONTACT_CHANNEL_LABELS, CONTACT_STATUS_LABELS, FAMILY_CONSENT_LABELS, isAdultRelationship } from '../../../domain/front-door/contact.ts';
import { isNeedLevel, levelOfNeed, NEED_AREAS, NEED_DOMAIN_LABELS } from '../../../domain/front-door/levels-of-need.ts';
import { isMashOutcome, MASH_OUTCOME_LABELS, MASH_OUTCOME_SHORT_LABELS } from '../../../domain/front-door/mash-decision.ts';
import { isReferralSource, REFERRAL_SOURCES } from '../../../domain/shared/codes/dfe/referral-source.ts';
import { formatLongDate } from '../../../domain/shared/time/local-date.ts';
import { attachmentDisposition } from '../../../domain/records/document-filename.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { dueView, ragView, uuidParam, whenText } from '../shared.ts';

const statusText = (s: AgencyCheckStatus): string => (s === 'requested' ? 'Awaiting an answer' : AGENCY_CHECK_OUTCOME_LABELS[s]);

const HISTORY_KIND = { contact: 'Contact', referral: 'Referral to social care', early_help_referral: 'Early help referral' } as const;

export function contactPageModel(view: ContactView) {
  const c = view.contact;
  const level = c.needLevel !== null && isNeedLevel(c.needLevel) ? levelOfNeed(c.needLevel) : null;
  return {
    contact: c,
    id: c.id,
    reference: c.reference,
    status: CONTACT_STATUS_LABELS[c.status],
    decided: c.status === 'decided',
    received: whenText(c.receivedAt),
    channel: CONTACT_CHANNEL_LABELS[c.channel],
    source: isReferralSource(c.referralSource) ? `${REFERRAL_SOURCES[c.referralSource]} (${c.referralSource})` : c.referralSource,
    recordedBy: c.recordedByName ?? 'Sent online by the referrer',
    familyConsent: FAMILY_CONSENT_LABELS[c.familyConsent],
    due: dueView(view.due),
    rag: view.rag === null ? null : ragView(view.rag),
    repeat: view.repeat,
    people: c.people.map((p) => ({
      ...p,
      name: `${p.givenName} ${p.familyName}`,
      dateOfBirth: p.dateOfBirth === null ? 'Not given' : formatLongDate(p.dateOfBirth),
      roleText: p.role === 'child' ? 'Child' : p.relationship !== null && isAdultRelationship(p.relationship) ? ADULT_RELATIONSHIP_LABELS[p.relationship] : 'Adult',
      linkHref: paths.contactPerson(c.id, p.id),
      recordHref: p.personId === null ? null : paths.record(p.personId, p.role === 'child'),
    })),
    unlinkedChildren: view.unlinkedChildren,
    histories: view.histories.map((h) => ({
      name: h.name,
      recordHref: paths.child(h.personId),
      repeat: h.repeat.repeat,
      repeatSince: h.repeat.mostRecent === null ? null : formatLongDate(h.repeat.mostRecent.receivedOn.toString()),
      items: h.items.map((i) => ({
        kind: HISTORY_KIND[i.kind],
        date: formatLongDate(i.date),
        reference: i.reference,
        href: paths.contact(i.contactId),
        detail:
          i.kind === 'contact'
            ? i.outcome === null
              ? 'Awaiting a decision'
              : isMashOutcome(i.outcome)
                ? MASH_OUTCOME_SHORT_LABELS[i.outcome]
                : i.outcome
            : i.kind === 'referral'
              ? `${i.outcome === 'strategy_discussion' ? 'Strategy discussion' : 'Assessment'}, ${i.detail ?? ''}`
              : 'Targeted early help',
      })),
    })),
    consent:
      c.consentToChecks === null
        ? null
        : {
            consent: CONSENT_TO_CHECKS_LABELS[c.consentToChecks],
            without: c.checksWithoutConsent === true,
            reason: c.consentOverrideReason === null ? null : OVERRIDE_REASON_LABELS[c.consentOverrideReason],
            rationale: c.consentRationale,
            by: c.consentRecordedByName,
            at: c.consentRecordedAt === null ? null : whenText(c.consentRecordedAt),
          },
    checks: view.checks.map((check) => ({
      agency: PARTNER_AGENCY_LABELS[check.agency],
      status: statusText(check.status),
      answered: check.status !== 'requested',
      withoutConsent: check.withoutConsent,
      details: check.details,
      requested: `${whenText(check.requestedAt)} by ${check.requestedByName}`,
      answeredText: check.answeredAt === null ? null : `${whenText(check.answeredAt)} by ${check.answeredByName ?? ''}`,
      href: paths.contactCheckAnswer(c.id, check.agency),
    })),
    mayRequestChecks: view.mayRequestChecks,
    level: level === null ? null : { label: level.label, rationale: c.needRationale, by: c.needRecordedByName, at: c.needRecordedAt === null ? null : whenText(c.needRecordedAt) },
    highestIndicated: view.highestIndicated,
    belowIndicated: level !== null && view.highestIndicated !== null && level.level < view.highestIndicated,
    indicators: view.indicators.map((i) => ({ text: i.text, where: `${NEED_DOMAIN_LABELS[i.domain]}: ${NEED_AREAS[i.area].label}`, level: i.level })),
    discussions: view.discussions.map((d) => ({
      heldOn: formatLongDate(d.heldOn),
      agencies: d.agencies.map((a) => (isPartnerAgency(a) ? PARTNER_AGENCY_LABELS[a] : a)).join(', '),
      summary: d.summary,
      agreedLevel: d.agreedLevel,
      by: d.recordedByName,
    })),
    decision:
      c.outcome === null
        ? null
        : {
            outcome: MASH_OUTCOME_LABELS[c.outcome],
            rationale: c.decisionRationale,
            by: c.decidedByName,
            at: c.decidedAt === null ? '' : whenText(c.decidedAt),
            within: c.decidedWithinTimescale === true,
            workingDays: c.decisionWorkingDays,
            departs: view.outcomeDepartsFromLevel,
          },
    document: c.document === null ? null : { filename: c.document.filename, href: paths.contactEarlyHelpAssessment(c.id), sizeKb: Math.max(1, Math.round(c.document.sizeBytes / 1024)) },
    canScreen: view.canScreen,
    canDecide: view.canDecide,
    links: {
      consent: paths.contactConsent(c.id),
      checks: paths.contactChecks(c.id),
      level: paths.contactLevelOfNeed(c.id),
      discussion: paths.contactThresholdDiscussion(c.id),
      decision: paths.contactDecision(c.id),
    },
  };
}

export async function contactRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  app.get('/front-door/contacts/:contactId', { config: { permission: 'people:view-child', audit: 'front-door.contact.viewed' } }, async (request, reply) => {
    const contactId = uuidParam(request.params, 'contactId');
    const view = await viewContact(deps, requestContext(request), contactId);
    const query = request.query as Record<string, unknown>;
    const saved = typeof query['saved'] === 'string' ? query['saved'] : null;
    return reply.view('front-door/contact/view.njk', { ...contactPageModel(view), recorded: query['recorded'] === '1', saved });
  });

  app.get(
    '/front-door/contacts/:contactId/early-help-assessment',
    { config: { permission: 'front-door:view-queue', audit: 'front-door.early-help-assessment.downloaded' } },
    async (request, reply) => {
      const contactId = uuidParam(request.params, 'contactId');
      const file = await downloadEarlyHelpAssessment(deps, requestContext(request), contactId);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachmentDisposition(file.filename))
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(file.content));
    },
  );
}
