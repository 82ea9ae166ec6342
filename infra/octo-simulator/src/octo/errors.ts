// OCTO errors: `{ error, errorMessage, <field> }` with HTTP 400, as the OCTO docs and the
// OpenAPI 400 responses define them. Messages follow the spec's own examples.

export type OctoErrorCode =
  | 'INVALID_PRODUCT_ID'
  | 'INVALID_OPTION_ID'
  | 'INVALID_UNIT_ID'
  | 'INVALID_AVAILABILITY_ID'
  | 'INVALID_BOOKING_UUID'
  | 'BAD_REQUEST'
  | 'UNPROCESSABLE_ENTITY'
  | 'INTERNAL_SERVER_ERROR'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN';

export class OctoError extends Error {
  constructor(
    readonly code: OctoErrorCode,
    message: string,
    readonly extra: Record<string, string> = {},
    readonly statusCode = 400,
  ) {
    super(message);
    this.name = 'OctoError';
  }

  body(): Record<string, string> {
    return { error: this.code, errorMessage: this.message, ...this.extra };
  }
}

export const octoErrors = {
  invalidProductId: (productId: string) =>
    new OctoError('INVALID_PRODUCT_ID', 'The productId was missing or invalid', { productId }),
  invalidOptionId: (optionId: string) =>
    new OctoError('INVALID_OPTION_ID', 'The optionId was missing or invalid', { optionId }),
  invalidUnitId: (unitId: string) => new OctoError('INVALID_UNIT_ID', 'The unitId was missing or invalid', { unitId }),
  invalidAvailabilityId: (availabilityId: string) =>
    new OctoError('INVALID_AVAILABILITY_ID', 'The availabilityId was missing or invalid', {
      availabilityId,
    }),
  invalidBookingUuid: (uuid: string, why = 'The uuid was already used, missing or invalid') =>
    new OctoError('INVALID_BOOKING_UUID', why, { uuid }),
  badRequest: (message: string) => new OctoError('BAD_REQUEST', message),
  unprocessable: (message: string) => new OctoError('UNPROCESSABLE_ENTITY', message),
  unauthorized: () =>
    new OctoError(
      'UNAUTHORIZED',
      "You didn't send the API Key in the Authorization header to an endpoint that requires authentication",
    ),
  forbidden: () =>
    new OctoError(
      'FORBIDDEN',
      "You sent an API Key that was invalid or has been revoked by the backend system. Or you're trying to access an endpoint/resource that you do not have access to",
    ),
  /** Real outages answer with a 5xx; the simulator does the same for injected faults. */
  internal: (statusCode = 500) =>
    new OctoError('INTERNAL_SERVER_ERROR', 'There was an un-recoverable error, please try again', {}, statusCode),
};
