// The OCTO types and enums of @octocloud/types. Imported from the generated module directly:
// the package root also loads its zod and yup schemas, which costs most of a second at start.
export * from '@octocloud/types/dist/models/types.gen.js';
