// Webhook subscriptions and deliveries, in the octo/webhooks shape Ventrata documents
// (POST/GET/DELETE /webhooks with `url` and `event`), plus a signing secret per subscription.

export const WEBHOOK_EVENTS = ['booking_update', 'availability_update', 'product_update'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface WebhookSubscription {
  id: string;
  event: WebhookEvent;
  url: string;
  secret: string;
  retryOnError: boolean;
  headers: Record<string, string>;
  /** Capabilities active when the subscription was created; they shape the payload. */
  capabilities: string[];
  createdAt: Date;
}

export interface DeliveryAttempt {
  attempt: number;
  utcAttemptedAt: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

export interface WebhookDelivery {
  /** Stable across retries, so receivers can de-duplicate. */
  id: string;
  webhookId: string;
  event: WebhookEvent;
  url: string;
  status: DeliveryStatus;
  body: string;
  attempts: DeliveryAttempt[];
  nextAttemptAt: string | null;
  utcCreatedAt: string;
}
