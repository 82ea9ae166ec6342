// Control routes act on the supplier named by the same Bearer key as the OCTO API.
import type { FastifyRequest } from 'fastify';
import { findOption, findProduct } from '../catalogue/lookup.ts';
import type { OptionDef, ProductDef } from '../catalogue/catalogue-types.ts';
import { authenticate } from '../octo/context.ts';
import { octoErrors } from '../octo/errors.ts';
import type { SimulatorRuntime } from '../state/runtime.ts';
import type { SupplierState } from '../state/supplier-state.ts';

export function supplierFor(runtime: SimulatorRuntime, request: FastifyRequest): SupplierState {
  const state = authenticate(runtime.store, request.headers.authorization);
  runtime.sweep(state);
  return state;
}

export function productAndOption(
  state: SupplierState,
  productId: unknown,
  optionId: unknown,
): { product: ProductDef; option: OptionDef } {
  const product = typeof productId === 'string' ? findProduct(state.catalogue, productId) : undefined;
  if (!product) throw octoErrors.invalidProductId(String(productId ?? ''));
  const option = typeof optionId === 'string' ? findOption(product, optionId) : undefined;
  if (!option) throw octoErrors.invalidOptionId(String(optionId ?? ''));
  return { product, option };
}
