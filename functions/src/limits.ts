// How much one request may carry. The Functions host itself allows 100 MB; ours are tighter so
// one province cannot exhaust memory for everyone.
export const LIMITS = {
  jsonBytes: 8 * 1024 * 1024,
  xlsxBytes: 10 * 1024 * 1024,
  recordsPerSubmission: 20_000,
  /** A campaign document is small; anything near this is a mistake. */
  campaignBytes: 1024 * 1024,
  /** POST /api/reports/monthly: remarks of 2,000 characters and a few ids. */
  reportBodyBytes: 64 * 1024,
};
