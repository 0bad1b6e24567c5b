import { z } from 'zod';

/**
 * Where an object lives in another system. `system` names the system (`odoo`, `shipbob`,
 * `shopify`), `account` the instance or tenant when a business has several, `etag` the version
 * the system last reported, for optimistic concurrency.
 *
 * @example { system: 'odoo', account: 'acme-prod', id: 'stock.picking:42' }
 */
export const ExternalRefSchema = z
  .object({
    system: z.string().min(1).max(64),
    account: z.string().min(1).max(128).optional(),
    id: z.string().min(1).max(256),
    etag: z.string().min(1).max(256).optional(),
  })
  .meta({ title: 'ExternalRef' });
export type ExternalRef = z.infer<typeof ExternalRefSchema>;

/** The references of one object; a system/account pair appears at most once. */
export const ExternalRefsSchema = z.array(ExternalRefSchema).superRefine((refs, ctx) => {
  const seen = new Set<string>();
  refs.forEach((ref, index) => {
    const key = `${ref.system}\u0000${ref.account ?? ''}`;
    if (seen.has(key)) {
      ctx.addIssue({
        code: 'custom',
        path: [index],
        message: `a second reference for ${ref.system}${ref.account ? ` account ${ref.account}` : ''}; an object has one id per system and account`,
        params: { rule: 'refs.unique_system' },
      });
    }
    seen.add(key);
  });
});

/** The id an object has in `system` (and `account`, when given), or undefined. */
export function findRef(
  refs: readonly ExternalRef[],
  system: string,
  account?: string,
): ExternalRef | undefined {
  return refs.find((ref) => ref.system === system && (account === undefined || ref.account === account));
}
