import type { AutomatedCheck } from '@tourconnect/contracts/http';
import { AppError, conflict } from '@tourconnect/service-kit';

export const partnerNotFound = () => new AppError(404, 'partner_not_found', 'You are not a member of any partner yet');
export const publicPartnerNotFound = () => new AppError(404, 'partner_not_found', 'No such partner');
export const alreadyPartnerMember = () =>
  conflict('already_partner_member', 'You already belong to a partner; one account acts for one partner');
export const partnerLocked = (status: string) =>
  conflict('partner_locked', `A partner in status '${status}' cannot be changed now`);
/** In review, the fields the admin is judging stay as submitted; the others may change. */
export const reviewedFieldsLocked = (fields: readonly string[]) =>
  new AppError(
    409,
    'partner_locked',
    'The display name and legal details cannot change while the partner is in review',
    fields.map((field) => ({ path: field, code: 'locked_in_review', message: 'locked while in review' })),
  );
export const notSubmittable = (status: string) =>
  conflict('partner_not_submittable', `A partner in status '${status}' cannot be submitted for review`);
export const partnerNotPending = (status: string) =>
  conflict('partner_not_pending', `Only a partner pending review can be decided; this one is '${status}'`);
export const partnerNotSuspended = () =>
  conflict('partner_not_suspended', 'Only a suspended partner can be reinstated');
export const cannotSuspend = (status: string) =>
  conflict('partner_not_suspendable', `A partner in status '${status}' cannot be suspended`);
export const roleForbidden = (needed: string) =>
  new AppError(403, 'partner_role_forbidden', `Your role in this partner does not allow this (needs ${needed})`);
export const submissionIncomplete = (checks: AutomatedCheck[]) =>
  new AppError(
    422,
    'submission_incomplete',
    'Some checks fail; fix them before submitting',
    checks
      .filter((check) => check.status === 'fail')
      .map((check) => ({
        path: check.code,
        code: check.code,
        message: [...(check.missing ?? []), ...(check.missingFields ?? [])].join(', ') || check.code,
      })),
  );
export const invalidVat = (reason: string) =>
  new AppError(400, 'validation_failed', 'The VAT or tax id is not valid', [
    { path: 'vatId', code: 'invalid_vat', message: `invalid VAT or tax id (${reason})` },
  ]);
export const documentKindNotApplicable = (kind: string, type: string) =>
  new AppError(400, 'validation_failed', `A partner of type '${type}' has no '${kind}' document slot`, [
    { path: 'kind', code: 'document_kind_not_applicable', message: `not asked of a ${type}` },
  ]);
export const unsupportedFileType = () =>
  new AppError(415, 'unsupported_file_type', 'Only PDF, JPEG and PNG files are accepted (decided by the file content)');
export const fileTooLarge = (limit: number) =>
  new AppError(413, 'file_too_large', `The file is larger than ${Math.round(limit / 1024 / 1024)} MB`);
export const fileMissing = () =>
  new AppError(400, 'file_missing', 'Send the file as multipart/form-data field "file"', [
    { path: 'file', code: 'required', message: 'required' },
  ]);
export const documentNotFound = () => new AppError(404, 'document_not_found', 'No such document');
export const invitationNotFound = () => new AppError(404, 'invitation_not_found', 'No such invitation for you');
/** Issue 10 #1: registering a partner and joining one need an address proven by its link. */
export const emailUnverified = () =>
  new AppError(403, 'email_unverified', 'Verify your e-mail address first: open the link we sent to it');
export const invitationTokenInvalid = () =>
  new AppError(403, 'invitation_token_invalid', 'This invitation link is not valid: used, withdrawn or mistyped');
export const invitationExpired = () =>
  new AppError(403, 'invitation_expired', 'This invitation has expired; ask the owner to invite you again');
export const invitationEmailMismatch = () =>
  new AppError(
    403,
    'invitation_email_mismatch',
    'This invitation was sent to another e-mail address; sign in with that address to accept it',
  );
export const alreadyInvited = () => conflict('already_invited', 'This e-mail already has a pending invitation');
export const alreadyMember = () => conflict('already_member', 'This person is already a member');
export const memberNotFound = () => new AppError(404, 'member_not_found', 'No such member');
export const cannotRemoveOwner = () => conflict('cannot_remove_owner', 'The owner cannot be removed');
export const alreadyOwner = () => conflict('already_owner', 'This member already owns the partner');
export const confirmNameMismatch = () =>
  new AppError(400, 'validation_failed', 'Type the partner name exactly to confirm', [
    { path: 'confirmName', code: 'confirm_name_mismatch', message: 'does not match the partner name' },
  ]);
export const deletionInProgress = () => conflict('deletion_in_progress', 'This partner is being deleted');
export const deletionNotFound = () => new AppError(404, 'deletion_not_found', 'You have not asked for a deletion');
