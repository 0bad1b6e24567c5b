/** Where a key belongs: keys of different tenants or systems never collide. */
export interface KeyScope {
  /** The tenant or company, e.g. `acme`. */
  readonly tenant?: string;
  /** The system the key comes from, e.g. `shipbob` or `odoo:prod`. */
  readonly system?: string;
}

/**
 * Builds a scoped idempotency key: `tenant/system/key`, each part percent-encoded so a `/` inside
 * a part cannot forge another scope.
 *
 * @example
 * scopedKey({ tenant: 'acme', system: 'shipbob' }, 'webhook:123'); // 'acme/shipbob/webhook%3A123'
 */
export function scopedKey(scope: KeyScope, key: string): string {
  return [scope.tenant, scope.system, key]
    .filter((part): part is string => part !== undefined)
    .map(encodeURIComponent)
    .join('/');
}
