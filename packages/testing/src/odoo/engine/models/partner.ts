import { faults } from '../faults.js';
import type { Env, ModelSpec } from '../registry.js';
import type { Raw } from '../store.js';
import { denyModel, hasGroup, related } from './util.js';

function partnerName(env: Env, rec: Raw): string {
  const name = typeof rec.name === 'string' ? rec.name : '';
  const parent = related(env, 'res.partner', rec.parent_id);
  if (parent && rec.is_company !== true) {
    const parentName = partnerName(env, parent);
    return name ? `${parentName}, ${name}` : parentName;
  }
  return name;
}

function ancestors(env: Env, id: number): Set<number> {
  const seen = new Set<number>();
  let current = env.store.get('res.partner', id);
  while (current && typeof current.parent_id === 'number' && !seen.has(current.parent_id)) {
    seen.add(current.parent_id);
    current = env.store.get('res.partner', current.parent_id);
  }
  return seen;
}

/** res.partner: `Company, Contact` names, the name constraint and recursion check. */
export const partner: ModelSpec = {
  name: 'res.partner',
  description: 'Contact',
  order: 'complete_name asc, id desc',
  parentName: 'parent_id',
  displayName: partnerName,
  computes: {
    complete_name: (env, rec) => partnerName(env, rec),
    commercial_partner_id: (env, rec) => {
      let current = rec;
      while (current.is_company !== true && typeof current.parent_id === 'number') {
        const parent = env.store.get('res.partner', current.parent_id);
        if (!parent) break;
        current = parent;
      }
      return current.id;
    },
    company_type: (_env, rec) => (rec.is_company === true ? 'company' : 'person'),
  },
  defaults: () => ({ active: true, type: 'contact', is_company: false }),
  beforeCreate(_env, vals) {
    if (vals.company_type !== undefined) {
      vals.is_company = vals.company_type === 'company';
      delete vals.company_type;
    }
    const type = vals.type ?? 'contact';
    if (type === 'contact' && (typeof vals.name !== 'string' || vals.name === '')) {
      throw faults.validation('The operation cannot be completed: Contacts require a name');
    }
    return undefined;
  },
  beforeWrite(env, recs, vals) {
    if (vals.company_type !== undefined) {
      vals.is_company = vals.company_type === 'company';
      delete vals.company_type;
    }
    const parent = vals.parent_id;
    if (typeof parent === 'number') {
      for (const rec of recs) {
        if (parent === rec.id || ancestors(env, parent).has(rec.id)) {
          throw faults.validation('You cannot create recursive Partner hierarchies.');
        }
      }
    }
  },
};

/** res.users: only admins modify other users; `has_group`. */
export const users: ModelSpec = {
  name: 'res.users',
  description: 'User',
  order: 'name, login',
  displayName: (env, rec) => {
    const p = related(env, 'res.partner', rec.partner_id);
    return p ? String(p.name ?? '') : String(rec.login ?? '');
  },
  computes: {
    name: (env, rec) => {
      const p = related(env, 'res.partner', rec.partner_id);
      return p ? p.name : false;
    },
  },
  checkAccess(env, operation, ids) {
    if (operation === 'read' || hasGroup(env, 'base.group_erp_manager')) return;
    if (operation === 'write' && ids.every((id) => id === env.uid)) return;
    throw denyModel(env, operation, 'User', 'res.users', 'erp_manager');
  },
  methods: {
    has_group: {
      api: 'records',
      params: ['group_ext_id'],
      required: 1,
      owner: 'ResUsers',
      run: (env, ids, kw) => {
        const uid = ids[0] ?? env.uid;
        const user = env.users.find((u) => u.id === uid);
        return user?.groups.includes(String(kw.group_ext_id)) ?? false;
      },
    },
  },
};

/** ir.config_parameter: system administrators only. */
export const configParameter: ModelSpec = {
  name: 'ir.config_parameter',
  description: 'System Parameter',
  order: 'key',
  displayName: (_env, rec) => String(rec.key ?? ''),
  checkAccess(env, operation) {
    if (!hasGroup(env, 'base.group_system')) {
      throw denyModel(env, operation, 'System Parameter', 'ir.config_parameter', 'system');
    }
  },
};
