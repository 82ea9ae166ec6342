// Catalogue drift on demand: remove an option or a unit, change a unit's prices. Existing
// bookings keep their ids and sold prices; new requests see the changed catalogue.
import type { FastifyInstance } from 'fastify';
import { findUnit } from '../catalogue/lookup.ts';
import { bodyObject, failBadRequest as fail, optInteger } from '../octo/body.ts';
import { octoErrors } from '../octo/errors.ts';
import type { SimulatorRuntime } from '../state/runtime.ts';
import { productAndOption, supplierFor } from './control-context.ts';

type OptionRoute = { Params: { productId: string; optionId: string } };
type UnitRoute = { Params: { productId: string; optionId: string; unitId: string } };
const PRICE_RANGE = { min: 0, max: 100_000_000 };

export function registerCatalogueControlRoutes(app: FastifyInstance, runtime: SimulatorRuntime): void {
  app.delete<OptionRoute>('/products/:productId/options/:optionId', async (request) => {
    const state = supplierFor(runtime, request);
    const { product, option } = productAndOption(state, request.params.productId, request.params.optionId);
    option.removed = true;
    runtime.notifier.productChanged(state, product.id, { type: 'OPTION_REMOVED', optionId: option.id });
    return { productId: product.id, optionId: option.id, removed: true };
  });

  app.delete<UnitRoute>('/products/:productId/options/:optionId/units/:unitId', async (request) => {
    const state = supplierFor(runtime, request);
    const { product, option } = productAndOption(state, request.params.productId, request.params.optionId);
    const unit = findUnit(option, request.params.unitId);
    if (!unit) throw octoErrors.invalidUnitId(request.params.unitId);
    unit.removed = true;
    runtime.notifier.productChanged(state, product.id, { type: 'UNIT_REMOVED', optionId: option.id, unitId: unit.id });
    return { productId: product.id, optionId: option.id, unitId: unit.id, removed: true };
  });

  app.put<UnitRoute>('/products/:productId/options/:optionId/units/:unitId/price', async (request) => {
    const state = supplierFor(runtime, request);
    const { product, option } = productAndOption(state, request.params.productId, request.params.optionId);
    const unit = findUnit(option, request.params.unitId);
    if (!unit) throw octoErrors.invalidUnitId(request.params.unitId);
    const body = bodyObject(request.body, fail);
    const retail = optInteger(body, 'retail', fail, PRICE_RANGE);
    if (retail === undefined) throw fail('retail is required (integer minor units)');
    const net = optInteger(body, 'net', fail, PRICE_RANGE) ?? Math.round(retail * 0.75);
    const original = optInteger(body, 'original', fail, PRICE_RANGE) ?? retail;
    if (net > retail) throw fail('net must not exceed retail');
    unit.price = { original, retail, net };
    runtime.notifier.productChanged(state, product.id, { type: 'PRICE_CHANGED', optionId: option.id, unitId: unit.id });
    return {
      productId: product.id,
      optionId: option.id,
      unitId: unit.id,
      currency: state.catalogue.currency,
      ...unit.price,
    };
  });
}
