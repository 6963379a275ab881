// Routes that arrived in the same change as the access matrix (people, case notes and documents with
// ids inside a child's record, the front door) and are not yet cells of it. Each has access tests in
// its own module's test files; each still needs a matrix entry (and, for POST routes, a body for the
// hostile-input suite). This list may only shrink: a route added later that is in neither ROUTES nor
// here fails the matrix test, as before.
export const NOT_YET_IN_MATRIX: ReadonlySet<string> = new Set([
  'POST /people/:personId/names/:nameId/remove',
  'POST /children/:childId/relationships',
  'POST /children/:childId/relationships/remove',
  'POST /people/:personId/relationships',
  'POST /people/:personId/relationships/remove',
  'GET /people/:personId/restriction',
  'POST /people/:personId/restriction',
  'POST /people/:personId/restriction/lift',
  'GET /people/:personId/merge',
  'GET /people/:personId/merge/:otherId',
  'POST /people/:personId/merge/:otherId',
  'POST /refer-a-child/sent/early-help-assessment',
  'GET /front-door/contacts/:contactId/early-help-assessment',
  'POST /front-door/contacts/:contactId/people/:contactPersonId',
  'POST /front-door/contacts/:contactId/people/:contactPersonId/new',
  'POST /front-door/contacts/:contactId/consent',
  'POST /front-door/contacts/:contactId/checks',
  'GET /front-door/contacts/:contactId/checks/:agency',
  'POST /front-door/contacts/:contactId/checks/:agency',
  'POST /front-door/contacts/:contactId/level-of-need',
  'POST /front-door/contacts/:contactId/threshold-discussion',
  'POST /front-door/contacts/:contactId/decision',
  'GET /referrals/:referralId/allocate',
  'POST /referrals/:referralId/allocate',
]);
