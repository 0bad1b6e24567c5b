/** Where a key belongs: keys of different tenants or systems never collide. */
export interface KeyScope {
  /** The tenant or company, e.g. `acme`. */
  readonly tenant?: string;
  /** The system the key comes from, e.g. `shipbob` or `odoo:prod`. */
  readonly system?: string;
}

// A lone `%` is never produced by percent-encoding, so it marks a missing part unambiguously.
const MISSING = '%';

/**
 * Builds a scoped idempotency key: `tenant/system/key`, each part percent-encoded so a `/` inside
 * a part cannot forge another scope, and a missing part written as `%` so that a tenant-only and a
 * system-only scope never meet. An empty scope leaves the key as it is, so in a shared store scope
 * every key or none.
 *
 * @example
 * scopedKey({ tenant: 'acme', system: 'shipbob' }, 'webhook:123'); // 'acme/shipbob/webhook%3A123'
 * scopedKey({ system: 'shipbob' }, 'webhook:123'); // '%/shipbob/webhook%3A123'
 */
export function scopedKey(scope: KeyScope, key: string): string {
  if (scope.tenant === undefined && scope.system === undefined) return key;
  return [scope.tenant, scope.system, key]
    .map((part) => (part === undefined ? MISSING : encodeURIComponent(part)))
    .join('/');
}
