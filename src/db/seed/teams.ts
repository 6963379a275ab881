// The teams of Children's Social Care as seed 000 (the Milton Keynes teams page) describes them,
// plus the quality assurance and performance teams the other seeds name. Team and service names
// come from the seeds; every person in the demo is synthetic.
export interface TeamSeed {
  readonly code: string;
  readonly name: string;
  readonly parent?: string;
  readonly description: string;
}

export const TEAMS: readonly TeamSeed[] = [
  {
    code: 'MASH',
    name: 'Multi-Agency Safeguarding Hub (MASH)',
    description: 'The front door: screens contacts and referrals with co-located partners and decides what help a child needs.',
  },
  {
    code: 'FST_NORTH',
    name: 'Family Support Team North',
    description: 'Assessments, child in need and child protection plans, pre-birth work, new children in care and children in proceedings.',
  },
  {
    code: 'FST_CENTRAL',
    name: 'Family Support Team Central',
    description: 'Assessments, child in need and child protection plans, pre-birth work, new children in care and children in proceedings.',
  },
  {
    code: 'FST_SOUTH',
    name: 'Family Support Team South',
    description: 'Assessments, child in need and child protection plans, pre-birth work, new children in care and children in proceedings.',
  },
  {
    code: 'FAST',
    name: 'Family Assessment and Support Team (FAST)',
    description: 'Support and interventions for families open to Children’s Social Care, seven days a week.',
  },
  { code: 'FAST_EDT', name: 'Emergency Social Work Team', parent: 'FAST', description: 'The out of hours service.' },
  { code: 'FAST_CONTACT', name: 'Supervised Contact Support Service', parent: 'FAST', description: 'Supervised family time.' },
  { code: 'FAST_STEP', name: 'S.T.E.P. (Supporting Teenagers and Empowering Parents)', parent: 'FAST', description: 'The edge of care team.' },
  { code: 'FAST_SAIT', name: 'Specialist Assessment and Intervention Team (SAIT)', parent: 'FAST', description: 'Specialist assessments and interventions.' },
  { code: 'FAST_HRP', name: 'Healthy Relationships Project', parent: 'FAST', description: 'Support for families affected by domestic abuse.' },
  {
    code: 'CWD',
    name: 'Children with Disabilities',
    description: 'Statutory social work for children with severe and complex disabilities, and short breaks.',
  },
  { code: 'CIC', name: 'Children in Care Team', description: 'Looked after children after care proceedings; progressing permanence.' },
  { code: 'ADOPTION', name: 'Adoption Connects', description: 'Adopter recruitment and assessment, family finding and adoption support to 18.' },
  {
    code: 'FOSTERING_RA',
    name: 'Fostering Recruitment and Assessment',
    description: 'Recruits and approves foster carers; viability, kinship and special guardianship assessments.',
  },
  {
    code: 'FOSTERING_SS',
    name: 'Fostering Supervision and Support',
    description: 'Supervision and support of approved foster carers and the fostering duty desk.',
  },
  { code: 'POST_SGO', name: 'Post-SGO Support', parent: 'FOSTERING_SS', description: 'Support to carers granted a special guardianship order.' },
  { code: 'LEAVING_CARE', name: '16-25 Team', description: 'Personal advisers for looked after young people and care leavers up to 25.' },
  { code: 'CFP', name: 'Children and Family Practices', description: 'Short term early help for families with complex needs, preventing escalation.' },
  { code: 'QA_IRO', name: 'Quality Assurance (IROs and CP chairs)', description: 'Independent reviewing officers and child protection conference chairs.' },
  { code: 'PERFORMANCE', name: 'Performance and Information', description: 'Live performance, audits and statutory returns.' },
  { code: 'ADMIN', name: 'Systems Administration', description: 'Accounts and access.' },
];
