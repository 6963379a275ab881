// Every URL the pages link to, built in one place (CONVENTIONS.md 18).
export const paths = {
  home: () => '/',
  signIn: (returnTo?: string) => (returnTo === undefined ? '/sign-in' : `/sign-in?returnTo=${encodeURIComponent(returnTo)}`),
  signOut: () => '/sign-out',
  account: () => '/account',
  myWork: () => '/my-work',
  teams: () => '/teams',
  child: (childId: string) => `/children/${childId}`,
  adminUsers: () => '/admin/users',
  adminNewUser: () => '/admin/users/new',
  adminUser: (userId: string) => `/admin/users/${userId}`,
  adminAudit: () => '/admin/audit',
} as const;

/** Only local paths may be redirected to after sign-in (no open redirects). */
export function safeReturnPath(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.length > 500) return undefined;
  if (value.startsWith('/sign-in') || value.startsWith('/sign-out')) return undefined;
  return value;
}
