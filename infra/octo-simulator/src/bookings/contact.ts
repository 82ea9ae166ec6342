// Contact details of a booking or unit item (the BookingContact request shape; the
// octo-types copy of the spec allows null for every field, so null is accepted).
import { ContactField } from '../octo/octo-types.ts';
import { isObject, type Fail } from '../octo/body.ts';
import type { ContactRecord } from './booking-types.ts';

const TEXT_FIELDS = [
  'fullName',
  'firstName',
  'lastName',
  'emailAddress',
  'phoneNumber',
  'postalCode',
  'country',
  'notes',
] as const;

export function parseContact(raw: unknown, fail: Fail, path = 'contact'): Partial<ContactRecord> {
  if (raw === undefined || raw === null) return {};
  if (!isObject(raw)) throw fail(`${path} must be an object`);
  const parsed: Partial<ContactRecord> = {};
  for (const field of TEXT_FIELDS) {
    const value = raw[field];
    if (value === undefined) continue;
    if (value !== null && typeof value !== 'string') throw fail(`${path}.${field} must be a string`);
    parsed[field] = value === '' ? null : value;
  }
  if (parsed.emailAddress && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(parsed.emailAddress)) {
    throw fail(`${path}.emailAddress must be an email address`);
  }
  const locales = raw.locales;
  if (locales !== undefined && locales !== null) {
    if (!Array.isArray(locales) || !locales.every((l) => typeof l === 'string')) {
      throw fail(`${path}.locales must be an array of strings`);
    }
    parsed.locales = locales;
  }
  return parsed;
}

export function mergeContact(base: ContactRecord, patch: Partial<ContactRecord>): ContactRecord {
  return { ...base, ...patch };
}

/** Names of required contact fields the contact leaves empty. */
export function missingContactFields(contact: ContactRecord, required: readonly ContactField[]): string[] {
  return required.filter((field) => {
    if (field === ContactField.LOCALES) return contact.locales.length === 0;
    if (field === ContactField.ALLOW_MARKETING) return false;
    return !contact[field as (typeof TEXT_FIELDS)[number]];
  });
}
