/**
 * Methods that only read: retrying them after any transient failure is harmless. Every other
 * method may write, so it is retried only when the failure proves it did not run.
 */
export const READ_ONLY_METHODS: ReadonlySet<string> = new Set([
  'search',
  'search_read',
  // The web client's reads (Odoo 17+): `search_read`/`read` with a field specification.
  'web_search_read',
  'web_read',
  'search_count',
  'read',
  'read_group',
  'name_search',
  'fields_get',
  'default_get',
  'has_group',
  'check_access_rights',
  'check_access',
  'name_get',
]);
