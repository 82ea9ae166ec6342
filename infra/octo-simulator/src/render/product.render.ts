// Renders catalogue products as OCTO Product / Option / Unit objects. Pricing and content
// fields are added only when the caller initialised octo/pricing or octo/content.
import {
  DeliveryFormat,
  DeliveryMethod,
  PricingPer,
  RedemptionMethod,
  type Option,
  type Product,
  type Unit,
} from '../octo/octo-types.ts';
import type { ContentBlock, OptionDef, ProductDef, SupplierDef, UnitDef } from '../catalogue/catalogue-types.ts';
import { liveOptions, liveUnits } from '../catalogue/lookup.ts';
import type { Caps } from '../octo/capabilities.ts';
import { fromPrice, renderPricing } from './pricing.render.ts';

function contentFields(content: ContentBlock, durationMinutes: number) {
  return {
    title: content.title,
    shortDescription: content.shortDescription,
    description: [content.shortDescription, ...content.features.map((f) => f.shortDescription)].join(' '),
    features: content.features,
    faqs: content.faqs,
    media: content.media,
    locations: content.locations,
    categoryLabels: content.categoryLabels,
    durationMinutesFrom: durationMinutes,
    durationMinutesTo: null,
    commentary: content.commentary,
  };
}

export function renderUnit(supplier: SupplierDef, unit: UnitDef, caps: Caps): Unit {
  const rendered: Unit = {
    id: unit.id,
    internalName: unit.internalName,
    reference: unit.reference,
    type: unit.type,
    restrictions: {
      minAge: unit.minAge,
      maxAge: unit.maxAge,
      idRequired: unit.idRequired,
      minQuantity: unit.minQuantity,
      maxQuantity: unit.maxQuantity,
      paxCount: unit.paxCount,
      accompaniedBy: unit.accompaniedBy,
    },
    requiredContactFields: unit.requiredContactFields,
  };
  if (caps.pricing) {
    const pricing = renderPricing(supplier, unit.price);
    Object.assign(rendered, { pricingFrom: [pricing], pricing: [pricing] });
  }
  if (caps.content) {
    Object.assign(rendered, { title: unit.title, shortDescription: unit.shortDescription, features: [] });
  }
  return rendered;
}

export function renderOption(supplier: SupplierDef, option: OptionDef, caps: Caps): Option {
  const units = liveUnits(option);
  const cutoff = option.cancellationCutoff;
  const rendered: Option = {
    id: option.id,
    default: option.isDefault,
    internalName: option.internalName,
    reference: option.reference,
    availabilityLocalStartTimes: option.startTimes,
    cancellationCutoff: `${cutoff.amount} ${cutoff.unit}${cutoff.amount === 1 ? '' : 's'}`,
    cancellationCutoffAmount: cutoff.amount,
    cancellationCutoffUnit: cutoff.unit,
    requiredContactFields: option.requiredContactFields,
    restrictions: { minUnits: option.minUnits, maxUnits: option.maxUnits },
    units: units.map((unit) => renderUnit(supplier, unit, caps)),
  };
  if (caps.pricing) {
    const from = renderPricing(supplier, fromPrice(units));
    Object.assign(rendered, { pricingFrom: [from], pricing: [from] });
  }
  if (caps.content) Object.assign(rendered, contentFields(option.content, option.durationMinutes));
  return rendered;
}

export function renderProduct(supplier: SupplierDef, product: ProductDef, caps: Caps): Product {
  const rendered: Product = {
    id: product.id,
    internalName: product.internalName,
    reference: product.reference,
    locale: product.locale,
    timeZone: product.timeZone,
    allowFreesale: false,
    instantConfirmation: true,
    instantDelivery: true,
    availabilityRequired: true,
    availabilityType: product.availabilityType,
    deliveryFormats: [DeliveryFormat.QRCODE],
    deliveryMethods: [DeliveryMethod.TICKET, DeliveryMethod.VOUCHER],
    redemptionMethod: RedemptionMethod.DIGITAL,
    options: liveOptions(product).map((option) => renderOption(supplier, option, caps)),
  };
  if (caps.pricing) {
    Object.assign(rendered, {
      defaultCurrency: supplier.currency,
      availableCurrencies: [supplier.currency],
      pricingPer: PricingPer.UNIT,
    });
  }
  if (caps.content) Object.assign(rendered, contentFields(product.content, product.durationMinutes));
  return rendered;
}
