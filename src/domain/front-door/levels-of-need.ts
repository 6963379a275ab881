// The Milton Keynes Levels of Need (seed 004 §3 "Continuum of Help and Support"; domain-spec §3.1):
// four levels, each with example indicators grouped by the three sides of the assessment triangle
// (development of the baby or child, parents and carers, family and environment) and by area. The
// MASH uses it to record which indicators apply to a child, the level chosen and why.
//
// The indicator wording is Hearth's own short paraphrase of the seed's tables (following
// domain-spec §3.1), so it can be read on one screen; the levels' descriptions and responses are
// likewise paraphrased. Indicator codes are `<level>.<area>.<n>`, numbered in the order below: add
// new indicators at the end of an area so recorded codes keep their meaning.

export type NeedDomain = 'child_development' | 'parents_and_carers' | 'family_and_environment';

export const NEED_DOMAIN_LABELS: Readonly<Record<NeedDomain, string>> = {
  child_development: 'Development of the baby or child',
  parents_and_carers: 'Parents and carers',
  family_and_environment: 'Family and environment',
};

export const NEED_AREAS = {
  health: { domain: 'child_development', label: 'Health' },
  behavioural_development: { domain: 'child_development', label: 'Behavioural development' },
  identity_self_esteem: { domain: 'child_development', label: 'Identity and self-esteem' },
  family_social_relationships: { domain: 'child_development', label: 'Family and social relationships' },
  self_care_independence: { domain: 'child_development', label: 'Self-care skills and independence' },
  learning: { domain: 'child_development', label: 'Learning' },
  emotional_development: { domain: 'child_development', label: 'Emotional development' },
  basic_care_safety_protection: { domain: 'parents_and_carers', label: 'Basic care, safety and protection' },
  emotional_warmth_stability: { domain: 'parents_and_carers', label: 'Emotional warmth and stability' },
  guidance_boundaries_stimulation: { domain: 'parents_and_carers', label: 'Guidance, boundaries and stimulation' },
  family_functioning_wellbeing: { domain: 'family_and_environment', label: 'Family functioning and well-being' },
  housing_work_income: { domain: 'family_and_environment', label: 'Housing, work and income' },
  social_community_education: { domain: 'family_and_environment', label: 'Social and community, including education' },
} as const satisfies Record<string, { domain: NeedDomain; label: string }>;

export type NeedArea = keyof typeof NEED_AREAS;

export type NeedLevel = 1 | 2 | 3 | 4;

export const NEED_LEVELS: readonly NeedLevel[] = [1, 2, 3, 4];

export interface NeedIndicator {
  readonly code: string;
  readonly level: NeedLevel;
  readonly area: NeedArea;
  readonly domain: NeedDomain;
  readonly text: string;
}

export interface LevelOfNeed {
  readonly level: NeedLevel;
  readonly code: 'L1_UNIVERSAL' | 'L2_EARLY_HELP_ADDITIONAL' | 'L3_EARLY_HELP_TARGETED' | 'L4_CSC';
  readonly label: string;
  readonly description: string;
  readonly response: string;
  readonly indicators: readonly NeedIndicator[];
}

type IndicatorTable = Partial<Record<NeedArea, readonly string[]>>;

const LEVEL_1: IndicatorTable = {
  health: [
    'Physically well',
    'Eats a nutritious diet',
    'Hygiene and clothing are adequate',
    'Health and development checks raise no concern',
    'Milestones and motor skills on track',
    'Healthy height and weight',
    'Sexual activity appropriate for age',
    'Good mental health',
  ],
  behavioural_development: ['Takes responsibility for own behaviour', 'Responds to boundaries and guidance', 'Plays positively'],
  identity_self_esteem: ['Positive sense of self and abilities', 'Feels they belong and are accepted', 'Confident socially', 'Can tell safe from unsafe contacts'],
  family_social_relationships: ['Stable, affectionate relationships with carers', 'Good relationships with siblings and friends', 'Developing independence and self-care'],
  learning: [
    'Has books and toys',
    'Wide range of skills and interests',
    'Enjoys learning',
    'Experiences success and achievement',
    'Good links between home and school',
    'Planning for work and adult life',
  ],
  emotional_development: ['Good early attachments', 'Adapts to change', 'Understands how others feel'],
  basic_care_safety_protection: ['Physical needs met: food, drink, clothing, medical and dental care', 'Protected from danger and significant harm at home and elsewhere'],
  emotional_warmth_stability: ['Carers show warmth, praise and encouragement', 'Stable relationships', 'Warmth is consistent over time'],
  guidance_boundaries_stimulation: [
    'Learning encouraged through talk and play',
    'Helped to experience success',
    'Helped to know right from wrong',
    'Leisure activities suited to age and interests',
  ],
  family_functioning_wellbeing: ['Good family relationships, including between separated parents', 'Wider family, friends and community around them'],
  housing_work_income: ['Home has basic amenities', 'Carers manage work or unemployment', 'Income used to meet the child’s needs'],
  social_community_education: ['Effective support networks'],
};

const LEVEL_2: IndicatorTable = {
  health: [
    'Missed health appointments, or frequent hospital attendance or admission',
    'Slow to reach developmental milestones',
    'Minor concerns about diet, hygiene or clothing',
    'Weight not increasing as expected, or obesity',
    'Dental care not sufficient',
    'Emotionally vulnerable after events such as parents separating',
    'Early sexual activity or awareness',
    'Experimenting with tobacco, alcohol or drugs',
  ],
  emotional_development: [
    'Some difficulties in relationships inside and outside the family',
    'Some inappropriate responses and actions',
    'Starting to find empathy difficult',
    'Plays little with others',
    'Past abuse, with the risk now managed',
  ],
  identity_self_esteem: [
    'Some insecurity about identity or low self-esteem',
    'Bullying around difference, experienced or shown',
    'Misuses social media',
    'Abused through social media',
  ],
  family_social_relationships: ['Few positive role models', 'Unresolved issues after separation, step-parenting or bereavement', 'On the edge of gangs'],
  self_care_independence: ['Self-care not always adequate, for example poor hygiene', 'Slow to develop self-care skills for their age'],
  learning: [
    'Behaviour problems that parents or school find hard to manage',
    'Language and communication difficulties',
    'Poor punctuality or a pattern of absence',
    'Not reaching their potential, including unmet learning needs',
    'Reduced access to learning',
    'Not in education, employment or training for under six weeks',
  ],
  basic_care_safety_protection: [
    'Basic care not provided consistently',
    'Parents or carers engage poorly with services',
    'Parents or carers need advice on parenting',
    'Young parents struggling to cope',
    'Unsuitable childcare arrangements or too many carers',
    'Some exposure to danger at home or in the community',
    'Parental stress starting to affect the child’s safety',
  ],
  emotional_warmth_stability: ['Inconsistent responses to the child', 'Parents’ own emotional needs not met', 'Attachment difficulties emerging'],
  guidance_boundaries_stimulation: [
    'Inconsistent boundaries',
    'No routine at home',
    'Spends a lot of time alone, for example watching television',
    'Few new experiences or leisure activities',
    'Low-level offending or anti-social behaviour',
  ],
  family_functioning_wellbeing: [
    'Conflict between parents or carers that involves the child',
    'Loss of a significant adult: bereavement, separation or a parent in prison',
    'Parent or carer has physical or mental health difficulties',
    'Child has a caring role for a parent or younger siblings',
    'Little support from family and friends',
  ],
  housing_work_income: [
    'Poor housing: overcrowded, cold or in poor repair',
    'Some problems with basic facilities',
    'Periods of unemployment or low income',
    'Financial or debt problems',
  ],
  social_community_education: ['Family new to the area and at risk of isolation'],
};

const LEVEL_3: IndicatorTable = {
  health: [
    'Diet, hygiene or clothing needs not being met and affecting well-being',
    'Chronic or recurring health problems untreated or badly managed',
    'Misses essential medical appointments',
    'Emotional, physical, behavioural or mental health concerns',
    'Dental decay',
    'Significant speech and language delay or disorder',
    'Significant disability with needs not being met',
    'Mental health getting worse (for example conduct disorder, ADHD, anxiety, depression, eating disorder, self-harm)',
    'Frequent accidents from a lack of supervision',
  ],
  emotional_development: [
    'Finds it hard to cope with or express emotions such as anger or grief',
    'Often anxious, stressed or phobic',
    'Caring responsibilities affecting development',
    'Lacks confidence, or is watchful or wary of carers',
  ],
  behavioural_development: [
    'Challenging, disruptive behaviour affecting daily life and relationships',
    'Starting to offend or re-offend',
    'Growing vulnerability to sexual exploitation, gangs, county lines or radicalisation',
    'Teenage pregnancy',
    'Sexually active at 13 or 14',
    'Sexually active at 15 or over without consistent contraception',
    'Withdrawn, isolated or unwilling to engage',
    'Regular missing episodes',
    'Aggressive in behaviour or appearance',
  ],
  family_social_relationships: ['Instability, with inconsistent carers'],
  self_care_independence: [
    'Disability prevents self-care in many tasks',
    'Little sense of safety; often puts themselves in danger',
    'Main carer, or significant carer, for a parent or sibling',
  ],
  learning: ['Attendance and punctuality getting worse', 'Some fixed-term exclusions', 'Not in education, employment or training for over six weeks'],
  identity_self_esteem: [
    'Persistent discrimination (race, sexuality or disability)',
    'Very low self-esteem or confidence',
    'Emotional well-being or mental health getting worse',
    'Persistent misuse of social media',
  ],
  basic_care_safety_protection: [
    'Parent or carer struggling to give adequate, consistent care',
    'Parents found it hard to care for a previous child',
    'Inappropriate care arrangements',
    'Instability and domestic abuse at home',
    'Parental mental ill-health or substance misuse significantly affecting care',
    'Parents or carers not cooperating with services',
    'Experiencing unsafe situations',
    'May be neglected',
    'Previously looked after by the local authority',
  ],
  emotional_warmth_stability: ['Parental mental health affecting their parenting', 'Many carers, with no significant relationship with any of them'],
  guidance_boundaries_stimulation: [
    'Boundaries not effective: too loose, too tight or physical punishment',
    'Anti-social behaviour in the neighbourhood',
    'Parent or carer is a poor role model, for example behaving anti-socially',
  ],
  family_functioning_wellbeing: [
    'Incidents of domestic abuse between parents or carers',
    'Acrimonious separation harming the child',
    'Parent or carer has physical or mental health difficulties',
    'Serious physical and mental health difficulties in the family',
  ],
  housing_work_income: [
    'Housing in disrepair, temporary, overcrowded or unsafe',
    'Intentionally homeless',
    'Serious debt or poverty means basic needs are not met',
    'Rent arrears putting the family at risk of eviction',
    'No recourse to public funds and presenting as homeless',
  ],
};

const LEVEL_4: IndicatorTable = {
  health: [
    'Severe or chronic health problems',
    'Weight or height causing significant concern',
    'Failure to thrive; milestones unlikely to be met',
    'Lack of food possibly linked to neglect',
    'Refusing medical care, endangering life or development',
    'Seriously obese',
    'Dental decay with no access to treatment',
    'Persistent, high-risk substance misuse',
    'Dangerous sexual activity or early teenage pregnancy',
    'Child sexual or criminal exploitation',
    'Suspected imminent risk of female genital mutilation',
    'Sexual abuse',
    'Non-accidental injury',
    'Acute mental health crisis: severe depression, threat of suicide or psychosis',
    'Child discloses abuse',
    'Evidence of significant harm or neglect',
    'Abuse or injury by a professional disclosed',
    'Learning disability needing constant supervision',
  ],
  behavioural_development: [
    'Cannot keep peer relationships: aggressive, bullying or bullied',
    'Regularly involved in anti-social or criminal activity',
    'Prosecutions leading to court orders or custody',
    'Professionals concerned but cannot get access to the child',
    'Unaccompanied refugee or asylum seeker',
    'Privately fostered',
    'Abusing other children',
    'Harmful sexual behaviour',
  ],
  identity_self_esteem: [
    'Persistent discrimination, internalised as a poor self-image',
    'Failed education supervision order: three prosecutions for non-attendance, family refusing to engage',
    'Victim of crime; may fear persecution by others',
    'Likely to put themselves at risk',
  ],
  family_social_relationships: [
    'Family relationships experienced as cold and highly critical',
    'Rejected or abandoned by a parent or carer',
    'Periods accommodated by the local authority',
    'Subject to physical, emotional or sexual abuse or neglect',
    'Suspected imminent risk of female genital mutilation',
    'Suspected imminent risk of forced marriage',
    'Suspected imminent risk of honour-based abuse',
    'Suspected imminent risk of radicalisation',
  ],
  self_care_independence: ['Severe disability: relies on others for all care needs', 'Neglects self-care because of other priorities, such as substance misuse'],
  learning: ['Behaviour puts themselves or others at risk', 'Refused access to education'],
  emotional_development: ['Regularly missing from home for long periods', 'Severe emotional and behavioural challenges'],
  basic_care_safety_protection: [
    'Parents or carers cannot give good enough care',
    'Parental mental ill-health or substance misuse significantly affects the child’s care',
    'Parents or carers could not care for previous children',
    'Continual violence and instability at home',
    'Parents or carers involved in crime',
    'Parents cannot keep dangerous adults away from the home',
    'Parents’ or carers’ own needs mean they cannot keep the child safe',
    'Chronic, serious domestic abuse involving the child',
    'Receiving or sharing indecent images of children',
    'Unexplained injuries',
    'Allegation or reasonable suspicion of serious injury, abuse or neglect',
    'Cannot manage severe challenging behaviour without support: high risk of family breakdown',
    'Suspected or evidenced fabricated or induced illness',
    'Child’s physical or emotional needs not met',
    'Parent discloses abuse of the child',
    'Escalating or serious domestic abuse placing the child at significant risk of harm',
  ],
  emotional_warmth_stability: [
    'Parents or carers inconsistent, highly critical, rejecting or apathetic',
    'Beyond the control of parents or carers',
    'No one to care for the child',
    'Threatened with rejection from home',
    'Parent asking for a young child to be accommodated',
    'Adoption breakdown',
  ],
  guidance_boundaries_stimulation: [
    'Parents or carers cannot set boundaries that keep the child safe from significant harm',
    'Regularly anti-social in the neighbourhood',
  ],
  family_functioning_wellbeing: [
    'Chronic conflict and serious relationship difficulties',
    'History of rejection',
    'Destructive or unhelpful involvement from extended family',
    'Identified as a child in need, but parents or carers refused support',
    'Family involved in crime; a parent or sibling has had a custodial sentence',
    'Someone who poses a risk to children is in, or known to, the household',
    'Unsafe home',
    'Home used for drug taking, prostitution or illegal activity',
  ],
  housing_work_income: [
    'Homeless, or about to be',
    'Housing dangerous or seriously threatening health',
    'Extreme poverty leading to neglect of basic care needs',
  ],
  social_community_education: ['Family chronically socially excluded', 'Community hostile to the family'],
};

function indicatorsOf(level: NeedLevel, table: IndicatorTable): NeedIndicator[] {
  const out: NeedIndicator[] = [];
  for (const area of Object.keys(NEED_AREAS) as NeedArea[]) {
    (table[area] ?? []).forEach((text, index) => {
      out.push({ code: `${String(level)}.${area}.${String(index + 1)}`, level, area, domain: NEED_AREAS[area].domain, text });
    });
  }
  return out;
}

export const LEVELS_OF_NEED: readonly LevelOfNeed[] = [
  {
    level: 1,
    code: 'L1_UNIVERSAL',
    label: 'Level 1: universal needs',
    description: 'Good progress in most areas of development; needs met by the family and universal services such as health and education.',
    response: 'Universal services. Families and professionals can go to them directly.',
    indicators: indicatorsOf(1, LEVEL_1),
  },
  {
    level: 2,
    code: 'L2_EARLY_HELP_ADDITIONAL',
    label: 'Level 2: early help, additional needs',
    description: 'Needs some extra support; one or two universal or targeted services are likely to be involved.',
    response: 'An Early Help Assessment to assess and plan the help. Professionals refer with the family’s consent.',
    indicators: indicatorsOf(2, LEVEL_2),
  },
  {
    level: 3,
    code: 'L3_EARLY_HELP_TARGETED',
    label: 'Level 3: early help, targeted intervention',
    description: 'More complex needs that call for a more intensive, targeted intervention.',
    response:
      'Targeted Early Help, with the family’s consent, reviewed in the MASH (a Signs of Safety well-being assessment). If things have not improved despite early help, a referral to the MASH with the Early Help Assessment and what has been tried.',
    indicators: indicatorsOf(3, LEVEL_3),
  },
  {
    level: 4,
    code: 'L4_CSC',
    label: 'Level 4: children’s social care',
    description: 'Risk of immediate or significant harm, or complex needs that call for statutory intervention.',
    response: 'Contact the MASH. This may lead to Targeted Early Help, or to a child in need, child protection or looked after child plan.',
    indicators: indicatorsOf(4, LEVEL_4),
  },
];

const BY_CODE: ReadonlyMap<string, NeedIndicator> = new Map(LEVELS_OF_NEED.flatMap((l) => l.indicators).map((i) => [i.code, i]));

export const ALL_NEED_INDICATORS: readonly NeedIndicator[] = [...BY_CODE.values()];

export function isNeedLevel(value: number): value is NeedLevel {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

export function levelOfNeed(level: NeedLevel): LevelOfNeed {
  const found = LEVELS_OF_NEED.find((l) => l.level === level);
  if (found === undefined) throw new RangeError(`No level ${String(level)}`);
  return found;
}

export function needIndicator(code: string): NeedIndicator | undefined {
  return BY_CODE.get(code);
}

export function isNeedIndicatorCode(code: string): boolean {
  return BY_CODE.has(code);
}

export interface IndicatorGroup {
  readonly domain: NeedDomain;
  readonly domainLabel: string;
  readonly areas: readonly { readonly area: NeedArea; readonly areaLabel: string; readonly indicators: readonly NeedIndicator[] }[];
}

/** A level's indicators grouped by domain, then area, in the order of the assessment triangle. */
export function indicatorGroups(level: NeedLevel): IndicatorGroup[] {
  const indicators = levelOfNeed(level).indicators;
  return (Object.keys(NEED_DOMAIN_LABELS) as NeedDomain[])
    .map((domain) => ({
      domain,
      domainLabel: NEED_DOMAIN_LABELS[domain],
      areas: (Object.keys(NEED_AREAS) as NeedArea[])
        .filter((area) => NEED_AREAS[area].domain === domain)
        .map((area) => ({ area, areaLabel: NEED_AREAS[area].label, indicators: indicators.filter((i) => i.area === area) }))
        .filter((a) => a.indicators.length > 0),
    }))
    .filter((g) => g.areas.length > 0);
}

/** The highest level among the indicators chosen, or null when none were chosen. */
export function highestIndicatedLevel(codes: readonly string[]): NeedLevel | null {
  let highest: NeedLevel | null = null;
  for (const code of codes) {
    const indicator = BY_CODE.get(code);
    if (indicator !== undefined && (highest === null || indicator.level > highest)) highest = indicator.level;
  }
  return highest;
}

export type LevelOfNeedProblem = 'unknown-indicator' | 'no-indicators' | 'rationale-must-explain-lower-level';

/**
 * Checks a level-of-need judgement: every indicator must exist and at least one must be chosen. The
 * level is the practitioner's judgement, not a sum; but choosing a level below the highest indicator
 * is flagged so the rationale says why (seed 004 §3: the indicators are examples that inform, not decide).
 */
export function checkLevelOfNeed(level: NeedLevel, codes: readonly string[]): { readonly problems: readonly LevelOfNeedProblem[]; readonly highest: NeedLevel | null } {
  const problems: LevelOfNeedProblem[] = [];
  if (codes.some((c) => !BY_CODE.has(c))) problems.push('unknown-indicator');
  if (codes.length === 0) problems.push('no-indicators');
  const highest = highestIndicatedLevel(codes);
  if (highest !== null && level < highest) problems.push('rationale-must-explain-lower-level');
  return { problems, highest };
}
