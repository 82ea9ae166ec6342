// The e2e tests read e-mailed links the way the demo seed does: one helper, in the all-in-one
// scripts (see there). startPlatform registers its database under its gateway URL.
export { readLink, registerMailbox, type LinkQuery, type LinkSubject } from '../../../scripts/all-in-one/mailbox.ts';
