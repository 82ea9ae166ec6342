// The Octo-Capabilities request header switches on capability fields (octo/pricing,
// octo/content); the response echoes the capabilities that were actually initialised.
import { CapabilityId, type Capability } from './octo-types.ts';

export const SUPPORTED_CAPABILITIES: readonly string[] = [
  CapabilityId.OCTO_CONTENT,
  CapabilityId.OCTO_PRICING,
  CapabilityId.OCTO_WEBHOOKS,
];

export interface Caps {
  pricing: boolean;
  content: boolean;
  /** Supported capabilities that were requested, in request order (echoed back). */
  list: string[];
}

export function capsFromList(requested: readonly string[]): Caps {
  const list = [...new Set(requested.map((c) => c.trim().toLowerCase()))].filter((c) =>
    SUPPORTED_CAPABILITIES.includes(c),
  );
  return {
    pricing: list.includes(CapabilityId.OCTO_PRICING),
    content: list.includes(CapabilityId.OCTO_CONTENT),
    list,
  };
}

export function parseCapabilitiesHeader(header: string | string[] | undefined): Caps {
  const raw = Array.isArray(header) ? header.join(',') : (header ?? '');
  return capsFromList(raw.split(',').filter((c) => c.trim() !== ''));
}

export const CONTENT_LANGUAGE = 'en';

export const CAPABILITIES: Capability[] = [
  {
    id: CapabilityId.OCTO_CONTENT,
    revision: 1,
    required: false,
    dependencies: [],
    docs: 'https://docs.octo.travel/capabilities/content',
  },
  {
    id: CapabilityId.OCTO_PRICING,
    revision: 1,
    required: false,
    dependencies: [],
    docs: 'https://docs.octo.travel/capabilities/pricing',
  },
  {
    id: CapabilityId.OCTO_WEBHOOKS,
    revision: 1,
    required: false,
    dependencies: [],
    docs: 'https://docs.ventrata.com/capabilities/webhooks',
  },
];
