// Routes that are not yet cells of the access matrix (access-matrix.ts), each with the reason it
// cannot be expressed there yet. Empty: every route the server serves is in the matrix. The mechanism
// stays so that a route which cannot be expressed can be listed here with its reason; this list may
// only shrink, and a route added later that is in neither ROUTES nor here fails the matrix test.
export const NOT_YET_IN_MATRIX: ReadonlySet<string> = new Set<string>([]);
