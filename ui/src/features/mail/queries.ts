// Query keys of the e-mail feature.
export const MAIL_SETTINGS_KEY = ["mailSettings"];
export const OUTBOX_KEY = ["outbox"];

/** The out-box refreshes this often while open, so a message leaving shows without a click. */
export const OUTBOX_REFRESH_MS = 15_000;
