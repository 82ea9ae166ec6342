// Finds seeded products and bookable slots through the OCTO API itself.
import type { OctoClient } from './octo-client.ts';

export async function productsByKind(octo: OctoClient) {
  const { body: products } = await octo.products();
  const tours = products.filter(
    (p: any) => p.availabilityType === 'START_TIME' && p.options[0].availabilityLocalStartTimes.length < 5,
  );
  const attraction = products.find((p: any) => p.availabilityType === 'OPENING_HOURS');
  const transfer = products.find((p: any) => p.options[0].availabilityLocalStartTimes.length >= 5);
  return { products, tour: tours[0], secondTour: tours[1], attraction, transfer };
}

export function unitOfType(product: any, type: string, optionIndex = 0): string {
  const unit = product.options[optionIndex].units.find((u: any) => u.type === type);
  if (!unit) throw new Error(`no ${type} unit on ${product.id}`);
  return unit.id;
}

/** The first open slot with at least `seats` vacancies between the given dates. */
export async function findSlot(
  octo: OctoClient,
  product: any,
  from: string,
  to: string,
  seats = 2,
  optionId = 'DEFAULT',
) {
  const { body } = await octo.availability({ productId: product.id, optionId, localDateStart: from, localDateEnd: to });
  const slot = body.find((a: any) => a.available && a.vacancies >= seats);
  if (!slot) throw new Error(`no slot with ${seats} seats for ${product.id} ${from}..${to}`);
  return slot;
}

export async function vacanciesOf(octo: OctoClient, productId: string, availabilityId: string, optionId = 'DEFAULT') {
  const { body } = await octo.availability({ productId, optionId, availabilityIds: [availabilityId] });
  return body[0] as { vacancies: number; status: string; available: boolean; capacity: number };
}
