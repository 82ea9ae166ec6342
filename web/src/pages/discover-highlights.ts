/** What works today, shown under the verified partners; wording in locales/<lang>/discover.json. */
export const discoverHighlights = ['verified', 'directory', 'onboarding'] as const;
