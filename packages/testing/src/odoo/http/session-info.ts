import type { FakeOdooEngine } from '../engine/types.js';
import { readUser } from './context.js';
import { SESSION_INFO_18, SESSION_INFO_19 } from './session-info-data.js';

/**
 * The `session_info` payload of a logged-in user: the recorded admin payload of the version, with
 * the user, database and version keys replaced.
 *
 * @example
 * ```ts
 * sessionInfo(engine, 2).uid; // 2
 * ```
 */
export function sessionInfo(engine: FakeOdooEngine, uid: number): Record<string, unknown> {
  const template = structuredClone(engine.version >= 19 ? SESSION_INFO_19 : SESSION_INFO_18) as Record<
    string,
    unknown
  >;
  const user = readUser(engine, uid, ['name', 'login', 'partner_id']) ?? {};
  const partner = Array.isArray(user.partner_id) ? (user.partner_id as unknown[]) : undefined;
  const version = engine.versionInfo();
  const users = (engine as { users?: readonly { id: number; groups?: readonly string[] }[] }).users;
  const groups = users?.find((u) => u.id === uid)?.groups;
  const isAdmin = groups === undefined ? uid === 2 : groups.includes('base.group_system');
  const userContext = { ...(template.user_context as Record<string, unknown>), uid };
  return {
    ...template,
    uid,
    is_system: isAdmin,
    is_admin: isAdmin,
    user_context: userContext,
    db: engine.database,
    server_version: version.server_version ?? template.server_version,
    server_version_info: version.server_version_info ?? template.server_version_info,
    name: typeof user.name === 'string' ? user.name : template.name,
    username: typeof user.login === 'string' ? user.login : template.username,
    partner_id: typeof partner?.[0] === 'number' ? partner[0] : template.partner_id,
    partner_display_name: typeof partner?.[1] === 'string' ? partner[1] : template.partner_display_name,
  };
}
