/**
 * The TypeScript type name of an Odoo model: dotted and snake-cased parts in PascalCase.
 *
 * @example
 * modelTypeName('sale.order.line'); // 'SaleOrderLine'
 * modelTypeName('uom.uom'); // 'UomUom'
 */
export function modelTypeName(model: string): string {
  const name = model
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  return /^[A-Za-z_]/.test(name) ? name : `Model${name}`;
}

/**
 * A property key as written in an interface or object literal: bare when it is an identifier.
 *
 * @example
 * propertyKey('partner_id'); // 'partner_id'
 * propertyKey('x-odd'); // "'x-odd'"
 */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : stringLiteral(name);
}

/**
 * A single-quoted string literal, as biome formats it (double quotes when that avoids escapes).
 *
 * @example
 * stringLiteral('draft'); // "'draft'"
 */
export function stringLiteral(value: string): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  if (value.includes("'") && !value.includes('"')) return `"${escaped}"`;
  return `'${escaped.replace(/'/g, "\\'")}'`;
}

/**
 * A literal for a selection value (strings quoted, numbers and booleans bare).
 *
 * @example
 * valueLiteral('sale'); // "'sale'"
 * valueLiteral(3); // '3'
 */
export function valueLiteral(value: string | number | boolean): string {
  return typeof value === 'string' ? stringLiteral(value) : String(value);
}

/**
 * Text safe inside a `/** … *\/` comment on one line.
 *
 * @example
 * commentText('Total\n  tax'); // 'Total tax'
 */
export function commentText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\*\//g, '*\\/');
}
