// GET /supplier, GET /products, GET /products/{id}, GET /capabilities.
import type { FastifyInstance } from 'fastify';
import { findProduct } from '../catalogue/lookup.ts';
import { renderProduct } from '../render/product.render.ts';
import { renderSupplier } from '../render/supplier.render.ts';
import { CAPABILITIES } from './capabilities.ts';
import { octoContext } from './context.ts';
import { octoErrors } from './errors.ts';

export function registerCatalogueRoutes(app: FastifyInstance): void {
  app.get('/supplier', async (request) => {
    const { state, caps } = octoContext(request);
    return renderSupplier(state.catalogue, `${request.protocol}://${request.host}/octo`, caps);
  });

  app.get('/products', async (request) => {
    const { state, caps } = octoContext(request);
    return state.catalogue.products.map((product) => renderProduct(state.catalogue, product, caps));
  });

  app.get<{ Params: { id: string } }>('/products/:id', async (request) => {
    const { state, caps } = octoContext(request);
    const product = findProduct(state.catalogue, request.params.id);
    if (!product) throw octoErrors.invalidProductId(request.params.id);
    return renderProduct(state.catalogue, product, caps);
  });

  app.get('/capabilities', async () => CAPABILITIES);
}
