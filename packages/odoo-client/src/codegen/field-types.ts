import { modelTypeName, valueLiteral } from './naming.js';
import type { FieldDescription } from './types.js';

/** A TypeScript type as the members of a union, so long ones can be written one member a line. */
export type UnionMembers = readonly string[];

/** The most selection values written as a literal union; longer selections (time zones) are `string`. */
export type SelectionLimit = number;

/**
 * The literals of a selection field's values, or `['string']` when it has none or more than `limit`.
 *
 * @example
 * selectionMembers({ type: 'selection', selection: [['draft', 'Draft'], ['done', 'Done']] }, 50); // ["'draft'", "'done'"]
 */
export function selectionMembers(field: FieldDescription, limit: SelectionLimit): string[] {
  const values = [...new Set((field.selection ?? []).map(([value]) => valueLiteral(value)))];
  return values.length > 0 && values.length <= limit ? values : ['string'];
}

/**
 * The type of a field as read through the client's normalised mode (`false` read as `null`,
 * many2one as `{ id, name }`).
 *
 * @example
 * readType({ type: 'many2one', relation: 'res.partner' }); // ['{ id: number; name: string }', 'null']
 * readType({ type: 'selection', required: true, selection: [['draft', 'Draft']] }); // ["'draft'"]
 */
export function readType(field: FieldDescription, limit: SelectionLimit = 50): UnionMembers {
  const nullable = (members: string[]): string[] =>
    field.required === true ? members : [...members, 'null'];
  switch (field.type) {
    case 'char':
    case 'text':
    case 'html':
      return nullable(['string']);
    case 'selection':
      return nullable(selectionMembers(field, limit));
    case 'boolean':
      return ['boolean'];
    case 'integer':
    case 'float':
    case 'monetary':
      return ['number'];
    case 'many2one_reference':
      return ['number', 'null'];
    case 'date':
    case 'datetime':
    case 'binary':
    case 'reference':
      return ['string', 'null'];
    case 'many2one':
      return ['{ id: number; name: string }', 'null'];
    case 'one2many':
    case 'many2many':
      return ['number[]'];
    default:
      return ['unknown'];
  }
}

/**
 * The type of a field in a `create` or `write` payload (`false` clears a value, x2many fields take
 * commands whose values are the related model's `…Values` when it is generated too).
 *
 * @example
 * writeType({ type: 'many2one', relation: 'res.partner' }, new Set()); // ['number', 'false']
 * writeType({ type: 'one2many', relation: 'sale.order.line' }, new Set(['sale.order.line']));
 * // ['X2ManyCommand<SaleOrderLineValues>[]']
 */
export function writeType(
  field: FieldDescription,
  generated: ReadonlySet<string>,
  limit: SelectionLimit = 50,
): UnionMembers {
  const clearable = (members: string[]): string[] => [...members, 'false'];
  switch (field.type) {
    case 'char':
    case 'text':
    case 'html':
    case 'date':
    case 'datetime':
    case 'binary':
    case 'reference':
      return clearable(['string']);
    case 'selection':
      return clearable(selectionMembers(field, limit));
    case 'boolean':
      return ['boolean'];
    case 'integer':
    case 'float':
    case 'monetary':
    case 'many2one_reference':
      return ['number'];
    case 'many2one':
      return clearable(['number']);
    case 'one2many':
    case 'many2many': {
      const relation = field.relation;
      const values =
        relation !== undefined && generated.has(relation) ? `<${modelTypeName(relation)}Values>` : '';
      return [`X2ManyCommand${values}[]`];
    }
    default:
      return ['unknown'];
  }
}

/**
 * The zod schema expression of a field as read, using the helpers the generated file declares
 * (`orNull`, `many2one`, `x2many`). It accepts both the raw answer (`false`, `[id, name]`) and the
 * normalised one (`null`, `{ id, name }`), and parses to the normalised one.
 *
 * @example
 * zodExpression({ type: 'char' }); // 'orNull(z.string())'
 * zodExpression({ type: 'many2one', relation: 'res.partner' }); // 'many2one'
 */
export function zodExpression(field: FieldDescription, limit: SelectionLimit = 50): string {
  const nullable = (schema: string): string => (field.required === true ? schema : `orNull(${schema})`);
  switch (field.type) {
    case 'char':
    case 'text':
    case 'html':
      return nullable('z.string()');
    case 'selection': {
      const members = selectionMembers(field, limit);
      const schema = members[0] === 'string' ? 'z.string()' : `z.literal([${members.join(', ')}])`;
      return nullable(schema);
    }
    case 'boolean':
      return 'z.boolean()';
    case 'integer':
    case 'float':
    case 'monetary':
      return 'z.number()';
    case 'many2one_reference':
      return 'orNull(z.number())';
    case 'date':
    case 'datetime':
    case 'binary':
    case 'reference':
      return 'orNull(z.string())';
    case 'many2one':
      return 'many2one';
    case 'one2many':
    case 'many2many':
      return 'x2many';
    default:
      return 'z.unknown()';
  }
}
