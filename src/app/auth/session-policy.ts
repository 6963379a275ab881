// Session lifetimes (RELIABILITY.md §4.7, ASVS 7.3): 30 minutes idle, 10 hours absolute.
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 10 * 60 * 60 * 1000;
/** Re-stamp last-seen at most once a minute, so reads do not each write. */
export const SESSION_TOUCH_MS = 60 * 1000;

// Sign-in throttling (Cyber Essentials: no more than 10 guesses; RELIABILITY.md §4.7).
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_IP = 20;
