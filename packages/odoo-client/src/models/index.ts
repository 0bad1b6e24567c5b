/**
 * Typed models generated from the recorded `fields_get` answers of Odoo 18.0 and 19.0 (the 13
 * standard models Crossdock uses). Regenerate with `crossdock-odoo codegen` (see the headers).
 *
 * @example
 * import type { OdooModels } from './models/index.js';
 * type Order = OdooModels['sale.order']; // the 18.0 record
 */

export type { OdooModels as Odoo18Models } from './odoo18.generated.js';
export * as odoo18 from './odoo18.generated.js';
export type { OdooModels as Odoo19Models } from './odoo19.generated.js';
export * as odoo19 from './odoo19.generated.js';

import type { OdooModels as Odoo18ModelMap } from './odoo18.generated.js';

/** The default model map: Odoo 18.0. */
export type OdooModels = Odoo18ModelMap;
