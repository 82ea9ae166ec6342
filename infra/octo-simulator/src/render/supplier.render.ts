// GET /supplier: the supplier behind the API key; `endpoint` is this simulator's OCTO URL.
import type { Supplier } from '../octo/octo-types.ts';
import type { SupplierDef } from '../catalogue/catalogue-types.ts';
import type { Caps } from '../octo/capabilities.ts';

export function renderSupplier(supplier: SupplierDef, endpoint: string, caps: Caps): Supplier {
  const rendered: Supplier = {
    id: supplier.id,
    name: supplier.name,
    endpoint,
    contact: { ...supplier.contact },
  };
  if (caps.content) Object.assign(rendered, { shortDescription: supplier.shortDescription, media: supplier.media });
  return rendered;
}
