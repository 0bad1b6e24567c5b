import { OdooFault } from './types.js';

/** Constructors for the Odoo exceptions the engine raises, with the recorded messages. */
export const faults = {
  validation: (message: string) => new OdooFault('odoo.exceptions.ValidationError', message),
  user: (message: string) => new OdooFault('odoo.exceptions.UserError', message),
  access: (message: string) => new OdooFault('odoo.exceptions.AccessError', message),
  valueError: (message: string) => new OdooFault('builtins.ValueError', message),
  typeError: (message: string) => new OdooFault('builtins.TypeError', message),
  attributeError: (message: string) => new OdooFault('builtins.AttributeError', message),
  notFound: (message: string) => new OdooFault('werkzeug.exceptions.NotFound', message, [message, 404]),
  unprocessable: (message: string) =>
    new OdooFault('werkzeug.exceptions.UnprocessableEntity', message, [message, 422]),
  missing: (model: string, ids: readonly number[], uid: number) =>
    new OdooFault(
      'odoo.exceptions.MissingError',
      `Record does not exist or has been deleted.\n(Record: ${model}(${ids.map((id) => `${id},`).join(' ')}), User: ${uid})`,
    ),
  /** `AccessError` for a model the user's groups do not grant (`operation`: access, modify…). */
  modelAccess: (operation: string, description: string, model: string, groups: readonly string[]) =>
    new OdooFault(
      'odoo.exceptions.AccessError',
      `You are not allowed to ${operation} '${description}' (${model}) records.\n\nThis operation is allowed for the following groups:\n${groups.map((g) => `\t- ${g}`).join('\n')}\n\nContact your administrator to request access if necessary.`,
    ),
  /** What psycopg2 answers when ids are not integers (e.g. a string iterated char by char). */
  invalidInteger: (table: string, values: readonly unknown[]) => {
    const shown = values.slice(0, 2).map((v) => `'${String(v)}'`);
    const line = `LINE 1: ... FROM "${table}" WHERE ("${table}"."id" IN (${shown.join(', ')}${values.length > 2 ? ', ...' : ')'}`;
    const caret = `${' '.repeat(line.indexOf(shown[0] ?? "'"))}^`;
    return new OdooFault(
      'psycopg2.errors.InvalidTextRepresentation',
      `invalid input syntax for type integer: "${String(values[0])}"\n${line}\n${caret}\n`,
    );
  },
};
