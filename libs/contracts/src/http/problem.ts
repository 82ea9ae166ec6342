import { z } from 'zod';

/** RFC 9457 problem details as every TourConnect service answers them. */
export const problemFieldErrorSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
});

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  /** Stable, snake_case; the portal translates it (`errors:<code>`). */
  code: z.string(),
  errors: z.array(problemFieldErrorSchema).optional(),
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;
export type ProblemFieldError = z.infer<typeof problemFieldErrorSchema>;

/** Codes shared by every service. Services add their own domain codes. */
export const commonProblemCodes = [
  'validation_failed',
  'malformed_json',
  'unsupported_media_type',
  'payload_too_large',
  'not_found',
  'method_not_allowed',
  'unauthorized',
  'token_invalid',
  'token_expired',
  'forbidden',
  'rate_limited',
  'csrf_failed',
  'conflict',
  'internal_error',
  'service_unavailable',
  'bad_gateway',
] as const;
