// A valid public referral form (MARF), as a browser posts it, for the front-door web tests.
export function validMarf(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    referrerName: 'Rowan Tester',
    referrerRole: 'Designated safeguarding lead',
    referrerOrganisation: 'Foxglove Primary School',
    referralSource: '2A',
    referrerEmail: 'dsl@example.org',
    referrerPhone: '01632 960 001',
    child1GivenName: 'Marnie',
    child1FamilyName: 'Quillfeather',
    child1DobDay: '4',
    child1DobMonth: '5',
    child1DobYear: '2017',
    adult1GivenName: 'Odile',
    adult1FamilyName: 'Quillfeather',
    adult1Relationship: 'mother',
    addressLine1: '12 Larkspur Close',
    town: 'Milton Keynes',
    postcode: 'mk9 3hs',
    worries: 'Marnie has come to school hungry three times this week.\nShe said there was no food at home.',
    whatTried: 'Breakfast club offered.',
    earlyHelpAssessment: 'no',
    familyConsent: 'yes',
    immediateRisk: 'no',
    ...overrides,
  };
}
