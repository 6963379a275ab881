// The census as the DfE's XML, element by element in the order of the schema's sequences
// (CIN_schema_2026.xsd). Written one child at a time so a return of tens of thousands of children
// streams to a file or a response without building one document in memory. Booleans are 0/1 (the
// schema's yesnotype). Nothing is written for a value that was not recorded.
import { create } from 'xmlbuilder2';
import type { CensusChild, CensusHeader, CinDetails } from './model.ts';

type XMLBuilder = ReturnType<typeof create>;

const yesNo = (b: boolean): string => (b ? '1' : '0');

function optional(parent: XMLBuilder, name: string, value: string | undefined): void {
  if (value !== undefined) parent.ele(name).txt(value);
}

export function headerXml(header: CensusHeader): string {
  const doc = create().ele('Header');
  const details = doc.ele('CollectionDetails');
  details.ele('Collection').txt(header.collection);
  details.ele('Year').txt(String(header.year));
  details.ele('ReferenceDate').txt(header.referenceDate);
  const source = doc.ele('Source');
  source.ele('SourceLevel').txt(header.sourceLevel);
  source.ele('LEA').txt(header.lea);
  source.ele('SoftwareCode').txt(header.softwareCode);
  source.ele('Release').txt(header.release);
  source.ele('SerialNo').txt(header.serialNo);
  source.ele('DateTime').txt(header.dateTime);
  return doc.end({ headless: true, prettyPrint: true });
}

function cinDetailsXml(parent: XMLBuilder, d: CinDetails): void {
  const el = parent.ele('CINdetails');
  el.ele('CINreferralDate').txt(d.cinReferralDate);
  el.ele('ReferralSource').txt(d.referralSource);
  optional(el, 'PrimaryNeedCode', d.primaryNeedCode);
  optional(el, 'CINclosureDate', d.cinClosureDate);
  optional(el, 'ReasonForClosure', d.reasonForClosure);
  optional(el, 'DateOfInitialCPC', d.dateOfInitialCpc);
  for (const a of d.assessments) {
    const ae = el.ele('Assessments');
    ae.ele('AssessmentActualStartDate').txt(a.assessmentActualStartDate);
    optional(ae, 'AssessmentInternalReviewDate', a.assessmentInternalReviewDate);
    optional(ae, 'AssessmentAuthorisationDate', a.assessmentAuthorisationDate);
    if (a.assessmentFactors.length > 0) {
      const factors = ae.ele('FactorsIdentifiedAtAssessment');
      for (const f of a.assessmentFactors) factors.ele('AssessmentFactors').txt(f);
    }
  }
  for (const p of d.cinPlanDates) {
    const pe = el.ele('CINPlanDates');
    pe.ele('CINPlanStartDate').txt(p.cinPlanStartDate);
    optional(pe, 'CINPlanEndDate', p.cinPlanEndDate);
  }
  for (const s of d.section47) {
    const se = el.ele('Section47');
    se.ele('S47ActualStartDate').txt(s.s47ActualStartDate);
    optional(se, 'InitialCPCtarget', s.initialCpcTarget);
    optional(se, 'DateOfInitialCPC', s.dateOfInitialCpc);
    se.ele('ICPCnotRequired').txt(yesNo(s.icpcNotRequired));
  }
  el.ele('ReferralNFA').txt(yesNo(d.referralNfa));
  for (const c of d.childProtectionPlans) {
    const ce = el.ele('ChildProtectionPlans');
    ce.ele('CPPstartDate').txt(c.cppStartDate);
    optional(ce, 'CPPendDate', c.cppEndDate);
    ce.ele('InitialCategoryOfAbuse').txt(c.initialCategoryOfAbuse);
    ce.ele('LatestCategoryOfAbuse').txt(c.latestCategoryOfAbuse);
    ce.ele('NumberOfPreviousCPP').txt(String(c.numberOfPreviousCpp));
    // One <Reviews> holding every date: the schema's form (CPPreviewDate maxOccurs="unbounded").
    if (c.cppReviewDates.length > 0) {
      const reviews = ce.ele('Reviews');
      for (const r of c.cppReviewDates) reviews.ele('CPPreviewDate').txt(r);
    }
  }
}

export function childXml(child: CensusChild): string {
  const doc = create().ele('Child');
  const ids = doc.ele('ChildIdentifiers');
  const ci = child.childIdentifiers;
  ids.ele('LAchildID').txt(ci.laChildId);
  optional(ids, 'UPN', ci.upn);
  optional(ids, 'FormerUPN', ci.formerUpn);
  optional(ids, 'UPNunknown', ci.upnUnknown);
  optional(ids, 'PersonBirthDate', ci.personBirthDate);
  optional(ids, 'ExpectedPersonBirthDate', ci.expectedPersonBirthDate);
  ids.ele('Sex').txt(ci.sex);
  optional(ids, 'PersonDeathDate', ci.personDeathDate);
  const chars = doc.ele('ChildCharacteristics');
  optional(chars, 'Ethnicity', child.childCharacteristics.ethnicity);
  if (child.childCharacteristics.disabilities.length > 0) {
    const dis = chars.ele('Disabilities');
    for (const d of child.childCharacteristics.disabilities) dis.ele('Disability').txt(d);
  }
  for (const d of child.cinDetails) cinDetailsXml(doc, d);
  return doc.end({ headless: true, prettyPrint: true });
}

const indent = (xml: string, by: string): string =>
  xml
    .split('\n')
    .map((line) => by + line)
    .join('\n');

/** The whole file, in pieces, for streaming. */
export function* censusXmlChunks(header: CensusHeader, children: Iterable<CensusChild>): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n';
  yield `${indent(headerXml(header), '  ')}\n  <Children>\n`;
  for (const child of children) yield `${indent(childXml(child), '    ')}\n`;
  yield '  </Children>\n</Message>\n';
}

export function censusXml(header: CensusHeader, children: Iterable<CensusChild>): string {
  return [...censusXmlChunks(header, children)].join('');
}
