/** Selling points shown under the Discover results; wording in locales/<lang>/discover.json. */
export const discoverHighlights = ['packages', 'verified', 'local'] as const;
