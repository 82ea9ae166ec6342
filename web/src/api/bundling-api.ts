import {
  availabilitySlotSchema,
  bookingPageSchema,
  bookingViewSchema,
  discoverSchema,
  itemPageSchema,
  itemViewSchema,
  packageAvailabilitySchema,
  packagePageSchema,
  packageSlotsSchema,
  packageViewSchema,
  partnerBookingPageSchema,
  quoteViewSchema,
  searchPageSchema,
  suggestViewSchema,
  type AvailabilitySlot,
  type BookingStatus,
  type BookingView,
  type BulkAvailabilityInput,
  type CatalogueStatus,
  type CreateItemInput,
  type CreatePackageInput,
  type DiscoverView,
  type ItemKind,
  type ItemView,
  type Locale,
  type Page,
  type Party,
  type PackageSlots,
  type PackageView,
  type PartnerBookingView,
  type QuoteRequest,
  type QuoteView,
  type SearchKind,
  type SearchPage,
  type SearchSort,
  type SuggestView,
  type TravellerType,
  type UpdatePackageInput,
} from '@contracts/http';
import { apiRequest, type ResponseSchema } from './http-client.ts';

/**
 * The bundling API (services/bundling: catalogue, availability, packages, quotes, bookings) as
 * partners and travellers use it through the gateway. Every JSON answer is checked against the
 * schema libs/contracts/src/http/bundling.ts declares for that route. Amounts are integer minor
 * units of an ISO currency everywhere: convert decimal input with @tourconnect/money first.
 */

type Query = Record<string, string | number | boolean | null | undefined>;

function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

const id = (value: string) => encodeURIComponent(value);

/** The answer of both availability reads and the bulk edit's `slots`. */
const slotsSchema: ResponseSchema<{ slots: AvailabilitySlot[] }> = {
  safeParse(data: unknown) {
    if (!data || typeof data !== 'object' || !Array.isArray((data as { slots?: unknown }).slots)) {
      return { success: false };
    }
    const slots: AvailabilitySlot[] = [];
    for (const raw of (data as { slots: unknown[] }).slots) {
      const parsed = availabilitySlotSchema.safeParse(raw);
      if (!parsed.success) return { success: false };
      slots.push(parsed.data);
    }
    return { success: true, data: { slots } };
  },
};

export interface BulkAvailabilityResult {
  created: number;
  updated: number;
  slots: AvailabilitySlot[];
}

const bulkResultSchema: ResponseSchema<BulkAvailabilityResult> = {
  safeParse(data: unknown) {
    const counts = data as { created?: unknown; updated?: unknown } | null;
    const created = counts?.created;
    const updated = counts?.updated;
    if (!Number.isInteger(created) || !Number.isInteger(updated)) return { success: false };
    const slots = slotsSchema.safeParse(data);
    if (!slots.success) return { success: false };
    return { success: true, data: { created: created as number, updated: updated as number, slots: slots.data.slots } };
  },
};

// ─── Catalogue ──────────────────────────────────────────────────────────────────────────

export interface ItemListQuery {
  kind?: ItemKind;
  status?: CatalogueStatus;
  lang?: Locale;
  page?: number;
  pageSize?: number;
}

/** The caller's partner's items. */
export function listItems(query: ItemListQuery = {}, signal?: AbortSignal): Promise<Page<ItemView>> {
  return apiRequest(withQuery('/api/catalogue/items', { ...query }), { signal, schema: itemPageSchema });
}

/** Input as the service validates it; fields with defaults there may be left out. */
export type CreateItemBody = Omit<CreateItemInput, 'startTimes' | 'bundleTerms' | 'units'> & {
  startTimes?: string[];
  bundleTerms?: CreateItemInput['bundleTerms'];
  units: { code: CreateItemInput['units'][number]['code']; priceMinor: number; netRateMinor?: number | null }[];
};
export type UpdateItemBody = Partial<Omit<CreateItemBody, 'kind' | 'currency'>>;

export function createItem(body: CreateItemBody): Promise<ItemView> {
  return apiRequest('/api/catalogue/items', { method: 'POST', body, schema: itemViewSchema });
}

/** Own item, or another partner's published bundleable item. */
export function getItem(itemId: string, lang?: Locale, signal?: AbortSignal): Promise<ItemView> {
  return apiRequest(withQuery(`/api/catalogue/items/${id(itemId)}`, { lang }), { signal, schema: itemViewSchema });
}

export function updateItem(itemId: string, body: UpdateItemBody): Promise<ItemView> {
  return apiRequest(`/api/catalogue/items/${id(itemId)}`, { method: 'PATCH', body, schema: itemViewSchema });
}

export type StatusAction = 'publish' | 'pause' | 'archive';

/** publish (verified partners only: 409 partner_not_verified), pause, archive (final). */
export function changeItemStatus(itemId: string, action: StatusAction): Promise<ItemView> {
  return apiRequest(`/api/catalogue/items/${id(itemId)}/${action}`, { method: 'POST', schema: itemViewSchema });
}

/** JPEG, PNG or WebP (the service sniffs the bytes), at most 5 MB. */
export function uploadItemImage(itemId: string, file: File): Promise<ItemView> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiRequest(`/api/catalogue/items/${id(itemId)}/images`, {
    method: 'POST',
    body: form,
    schema: itemViewSchema,
  });
}

export function deleteItemImage(itemId: string, imageId: string): Promise<ItemView> {
  return apiRequest(`/api/catalogue/items/${id(itemId)}/images/${id(imageId)}`, {
    method: 'DELETE',
    schema: itemViewSchema,
  });
}

/** Public, cacheable image address (for <img src>). */
export function imageUrl(imageId: string): string {
  return `/api/catalogue/images/${id(imageId)}`;
}

/** Dates are yyyy-mm-dd, both inclusive. */
export async function getItemAvailability(
  itemId: string,
  from: string,
  to: string,
  signal?: AbortSignal,
): Promise<AvailabilitySlot[]> {
  const data = await apiRequest(withQuery(`/api/catalogue/items/${id(itemId)}/availability`, { from, to }), {
    signal,
    schema: slotsSchema,
  });
  return data.slots;
}

export type BulkAvailabilityBody = BulkAvailabilityInput;

export function bulkEditAvailability(itemId: string, body: BulkAvailabilityBody): Promise<BulkAvailabilityResult> {
  return apiRequest(`/api/catalogue/items/${id(itemId)}/availability`, {
    method: 'PUT',
    body,
    schema: bulkResultSchema,
  });
}

export interface BundleableQuery {
  kind?: ItemKind;
  lang?: Locale;
  page?: number;
  pageSize?: number;
}

/** Published bundleable items of other verified partners. */
export function listBundleableItems(query: BundleableQuery = {}, signal?: AbortSignal): Promise<Page<ItemView>> {
  return apiRequest(withQuery('/api/catalogue/bundleable', { ...query }), { signal, schema: itemPageSchema });
}

// ─── Packages ───────────────────────────────────────────────────────────────────────────

export type CreatePackageBody = Omit<CreatePackageInput, 'discountRules' | 'tags' | 'availableFrom' | 'availableTo'> &
  Partial<Pick<CreatePackageInput, 'discountRules' | 'tags' | 'availableFrom' | 'availableTo'>>;
export type UpdatePackageBody = UpdatePackageInput;

/** `lang`: the language the answered view (its lines' titles) is written in. */
export function createPackage(body: CreatePackageBody, lang?: Locale): Promise<PackageView> {
  return apiRequest(withQuery('/api/packages', { lang }), { method: 'POST', body, schema: packageViewSchema });
}

export interface PackageListQuery {
  lang?: Locale;
  page?: number;
  pageSize?: number;
}

/** Published packages of verified partners, newest first (public). */
export function listPackages(query: PackageListQuery = {}, signal?: AbortSignal): Promise<Page<PackageView>> {
  return apiRequest(withQuery('/api/packages', { ...query }), { signal, schema: packagePageSchema });
}

/** The caller's partner's packages, any status. */
export function listMyPackages(
  query: PackageListQuery & { status?: CatalogueStatus } = {},
  signal?: AbortSignal,
): Promise<Page<PackageView>> {
  return apiRequest(withQuery('/api/packages/mine', { ...query }), { signal, schema: packagePageSchema });
}

/** A partner's published packages, for its public profile page. */
export function listPartnerPackages(
  partnerId: string,
  query: PackageListQuery = {},
  signal?: AbortSignal,
): Promise<Page<PackageView>> {
  return apiRequest(withQuery(`/api/partners/${id(partnerId)}/packages`, { ...query }), {
    signal,
    schema: packagePageSchema,
  });
}

/** Published: anyone; otherwise only its partner's members (404 for others). */
export function getPackage(packageId: string, lang?: Locale, signal?: AbortSignal): Promise<PackageView> {
  return apiRequest(withQuery(`/api/packages/${id(packageId)}`, { lang }), { signal, schema: packageViewSchema });
}

export function updatePackage(packageId: string, body: UpdatePackageBody, lang?: Locale): Promise<PackageView> {
  return apiRequest(withQuery(`/api/packages/${id(packageId)}`, { lang }), {
    method: 'PATCH',
    body,
    schema: packageViewSchema,
  });
}

export function changePackageStatus(packageId: string, action: StatusAction, lang?: Locale): Promise<PackageView> {
  return apiRequest(withQuery(`/api/packages/${id(packageId)}/${action}`, { lang }), {
    method: 'POST',
    schema: packageViewSchema,
  });
}

/** A package's own photo: JPEG, PNG or WebP (the service sniffs the bytes), at most 5 MB, 8 per package. */
export function uploadPackageImage(packageId: string, file: File, lang?: Locale): Promise<PackageView> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiRequest(withQuery(`/api/packages/${id(packageId)}/images`, { lang }), {
    method: 'POST',
    body: form,
    schema: packageViewSchema,
  });
}

export function deletePackageImage(packageId: string, imageId: string, lang?: Locale): Promise<PackageView> {
  return apiRequest(withQuery(`/api/packages/${id(packageId)}/images/${id(imageId)}`, { lang }), {
    method: 'DELETE',
    schema: packageViewSchema,
  });
}

export type PackageAvailability = { days: { date: string; available: number; bookable: boolean }[] };

/** Per start date in [from, to]: how many more parties of this composition fit. */
export function getPackageAvailability(
  packageId: string,
  from: string,
  to: string,
  party: Partial<Party> = {},
  signal?: AbortSignal,
): Promise<PackageAvailability> {
  return apiRequest(withQuery(`/api/packages/${id(packageId)}/availability`, { from, to, ...party }), {
    signal,
    schema: packageAvailabilitySchema,
  });
}

/** The start times of each timed line on a start date (the traveller's slot pickers). */
export function getPackageSlots(
  packageId: string,
  date: string,
  party: Partial<Party> = {},
  signal?: AbortSignal,
): Promise<PackageSlots> {
  return apiRequest(withQuery(`/api/packages/${id(packageId)}/slots`, { date, ...party }), {
    signal,
    schema: packageSlotsSchema,
  });
}

/** Request of a quote or a booking; `slots` (line position → availability id) is optional. */
export type QuoteBody = Omit<QuoteRequest, 'slots' | 'party'> & {
  party: Partial<Party>;
  slots?: QuoteRequest['slots'];
};

/** The price breakdown for a date and party; holds nothing. */
export function quotePackage(packageId: string, body: QuoteBody, signal?: AbortSignal): Promise<QuoteView> {
  return apiRequest(`/api/packages/${id(packageId)}/quote`, { method: 'POST', body, signal, schema: quoteViewSchema });
}

// ─── Bookings ───────────────────────────────────────────────────────────────────────────

/**
 * Holds every line's units and answers a `pending_payment` booking (201). The same
 * `idempotencyKey` answers the same booking again (200), so a retried click books once.
 */
export function bookPackage(packageId: string, body: QuoteBody, idempotencyKey?: string): Promise<BookingView> {
  return apiRequest(`/api/packages/${id(packageId)}/book`, {
    method: 'POST',
    body,
    schema: bookingViewSchema,
    ...(idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {}),
  });
}

export interface BookingListQuery {
  status?: BookingStatus;
  lang?: Locale;
  page?: number;
  pageSize?: number;
}

/** Bookings that include the caller partner's items: its lines and share only. */
export function listPartnerBookings(
  query: BookingListQuery = {},
  signal?: AbortSignal,
): Promise<Page<PartnerBookingView>> {
  return apiRequest(withQuery('/api/packages/bookings', { ...query }), { signal, schema: partnerBookingPageSchema });
}

/** The signed-in traveller's bookings. */
export function listMyBookings(query: BookingListQuery = {}, signal?: AbortSignal): Promise<Page<BookingView>> {
  return apiRequest(withQuery('/api/bookings/me', { ...query }), { signal, schema: bookingPageSchema });
}

/** `lang`: the package and item titles in that language (else the package's own). */
export function getBooking(bookingId: string, signal?: AbortSignal, lang?: Locale): Promise<BookingView> {
  return apiRequest(withQuery(`/api/bookings/${id(bookingId)}`, { lang }), { signal, schema: bookingViewSchema });
}

/** Refund per the package's policy at this moment (bookingView.refundNow shows it beforehand). */
export function cancelBooking(bookingId: string): Promise<BookingView> {
  return apiRequest(`/api/bookings/${id(bookingId)}/cancel`, { method: 'POST', schema: bookingViewSchema });
}

// ─── Search, Discover, AI Suggest (public) ──────────────────────────────────────────────

/** GET /api/packages/search's parameters as the portal sends them (party as "2a1c", tags joined by ","). */
export interface SearchRequest {
  q?: string;
  dest?: string;
  date?: string;
  from?: string;
  to?: string;
  party?: string;
  kind?: SearchKind;
  itemKind?: ItemKind;
  verifiedOnly?: boolean;
  priceMin?: number;
  priceMax?: number;
  currency?: string;
  tags?: string;
  sort?: SearchSort;
  lang?: Locale;
  page?: number;
  pageSize?: number;
}

/** Packages and items available for the party on the dates, with facet counts (public). */
export function searchCatalogue(query: SearchRequest, signal?: AbortSignal): Promise<SearchPage> {
  return apiRequest(withQuery('/api/packages/search', { ...query }), { signal, schema: searchPageSchema });
}

/** Discover's sections: sponsored, verified partners, packages for you, trending, seasonal, new (public). */
export function getDiscover(query: { lang?: Locale; near?: string } = {}, signal?: AbortSignal): Promise<DiscoverView> {
  return apiRequest(withQuery('/api/discover', { ...query }), { signal, schema: discoverSchema });
}

export interface SuggestRequest {
  dest?: string;
  from?: string;
  to?: string;
  travellerType?: TravellerType;
  party?: string;
  packageId?: string;
  lang?: Locale;
  limit?: number;
}

/** Packages and composed bundles for the trip, priced for the party, each with its reason codes (public). */
export function suggestBundles(query: SuggestRequest, signal?: AbortSignal): Promise<SuggestView> {
  return apiRequest(withQuery('/api/packages/suggest', { ...query }), { signal, schema: suggestViewSchema });
}
