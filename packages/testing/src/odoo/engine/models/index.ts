import type { ModelSpec } from '../registry.js';
import { childLocations, location, lot, pickingType, warehouse } from './locations.js';
import { message, messageSubtype } from './mail.js';
import { configParameter, partner, users } from './partner.js';
import { carrier, product, uom } from './product.js';
import { saleOrder, saleOrderLine } from './sale.js';
import { move, moveLine, picking, quant } from './stock.js';
import { backorderConfirmation, returnPicking, returnPickingLine } from './wizards.js';

/** The behaviour of every modelled model, by name. */
export const MODEL_SPECS: Readonly<Record<string, ModelSpec>> = Object.fromEntries(
  [
    partner,
    users,
    configParameter,
    product,
    uom,
    carrier,
    location,
    warehouse,
    pickingType,
    lot,
    saleOrder,
    saleOrderLine,
    picking,
    move,
    moveLine,
    quant,
    backorderConfirmation,
    returnPicking,
    returnPickingLine,
    message,
    messageSubtype,
  ].map((spec) => [spec.name, spec]),
);

export { childLocations };
