import { createHash } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';

/**
 * The Lua scripts behind the Redis stores, and how they are sent.
 *
 * Every script touches exactly one key (`KEYS[1]`), so it runs on Redis Cluster too. Times come from
 * Redis `TIME`, never from the caller, so instances with skewed clocks agree. Scripts call `TIME`
 * before writing, which needs Redis >= 5 (effects replication, the default since 5.0). Replies are
 * strings, integers and arrays only: a Lua boolean would come back as `false` under RESP3 but as
 * `null` under RESP2.
 */

/** A Lua script with its SHA1, so it can be sent as `EVALSHA`. */
export interface LuaScript {
  readonly lua: string;
  readonly sha: string;
}

/** Wraps Lua text for `ScriptRunner`, which sends it as `EVALSHA` once the server has it. */
export function luaScript(lua: string): LuaScript {
  return { lua, sha: createHash('sha1').update(lua).digest('hex') };
}

/** Server time in whole ms. */
const NOW_MS = `
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
`;

/** The fence of complete/fail/heartbeat: why `token` may not write, or false when it owns the key. */
const STALE_REASON = `
local function stale_reason(key, token)
  local rec = redis.call('HMGET', key, 'token', 'state')
  if not rec[1] then return 'not_found' end
  if rec[1] ~= token then return 'not_owner' end
  if rec[2] == 'completed' then return 'already_completed' end
  return false
end
`;

/**
 * ARGV: fingerprint, leaseMs, ttlMs, the token a new owner gets.
 * Reply: {'mismatch'} | {'completed', result, failed '0'|'1'} | {'in_progress', retryAfterMs} | {'acquired', attempt}.
 */
export const CLAIM = luaScript(`${NOW_MS}
local key = KEYS[1]
local rec = redis.call('HMGET', key, 'fingerprint', 'state', 'attempt', 'leaseUntil', 'result', 'failed')
local now = now_ms()
if rec[1] then
  -- The payload check comes first: a reused key is an error whatever state it is in.
  if rec[1] ~= ARGV[1] then return {'mismatch'} end
  if rec[2] == 'completed' then return {'completed', rec[5] or 'null', rec[6] or '0'} end
  local left = tonumber(rec[4]) - now
  if left > 0 then return {'in_progress', left} end
end
-- Free, or the owner's lease ran out (it crashed or stalled): take over with the next attempt.
local lease = tonumber(ARGV[2])
local attempt = (tonumber(rec[3]) or 0) + 1
redis.call('HSET', key, 'fingerprint', ARGV[1], 'state', 'in_progress', 'token', ARGV[4],
  'attempt', attempt, 'leaseUntil', now + lease)
-- The TTL counts from this acquisition and never ends inside the lease.
redis.call('PEXPIRE', key, math.max(tonumber(ARGV[3]), lease))
return {'acquired', attempt}
`);

/**
 * Stores the outcome: `complete`, and `fail` with `retryable: false`. The key keeps the TTL of its
 * claim, since HSET leaves it alone. ARGV: token, result, failed '0'|'1'. Reply: 'ok' or a stale reason.
 */
export const SETTLE = luaScript(`${STALE_REASON}
local reason = stale_reason(KEYS[1], ARGV[1])
if reason then return reason end
redis.call('HSET', KEYS[1], 'state', 'completed', 'result', ARGV[2], 'failed', ARGV[3])
return 'ok'
`);

/** Deletes the record so a retry can claim it: `fail` with `retryable: true`. ARGV: token. */
export const RELEASE = luaScript(`${STALE_REASON}
local reason = stale_reason(KEYS[1], ARGV[1])
if reason then return reason end
redis.call('DEL', KEYS[1])
return 'ok'
`);

/** ARGV: token, leaseMs. Reply: 'ok' or a stale reason. */
export const HEARTBEAT = luaScript(`${NOW_MS}${STALE_REASON}
local reason = stale_reason(KEYS[1], ARGV[1])
if reason then return reason end
local lease = tonumber(ARGV[2])
redis.call('HSET', KEYS[1], 'leaseUntil', now_ms() + lease)
-- Keep the record alive for the whole new lease; otherwise a duplicate would start over at attempt 1
-- while the owner is still working.
local ttl = redis.call('PTTL', KEYS[1])
if ttl >= 0 and ttl < lease then redis.call('PEXPIRE', KEYS[1], lease) end
return 'ok'
`);

/**
 * The ordering guard's compare-and-set. Positions are non-negative decimal strings without leading
 * zeros, compared by length then digit by digit: Lua numbers are doubles and lose precision beyond
 * 2^53, and Lua's string `<` follows the server's locale. ARGV: candidate, ttlMs ('0' keeps no TTL).
 * Reply: {'accepted'} | {'stale', current}.
 */
export const ACCEPT_IF_NEWER = luaScript(`
local function newer(a, b)
  if #a ~= #b then return #a > #b end
  for i = 1, #a do
    local x, y = string.byte(a, i), string.byte(b, i)
    if x ~= y then return x > y end
  end
  return false
end
local candidate = ARGV[1]
local current = redis.call('GET', KEYS[1])
if current and not newer(candidate, current) then return {'stale', current} end
local ttl = tonumber(ARGV[2])
if ttl > 0 then
  redis.call('SET', KEYS[1], candidate, 'PX', ttl)
else
  redis.call('SET', KEYS[1], candidate)
end
return {'accepted'}
`);

/** What the stores need of a client: `Redis` and `Cluster` both qualify. */
export type ScriptClient = Redis | Cluster;

const isNoScript = (error: unknown) => error instanceof Error && error.message.startsWith('NOSCRIPT');

/**
 * Runs scripts in one round trip each: `EVAL` the first time (which also caches the script on the
 * server), `EVALSHA` after that. When the server has lost the script (`SCRIPT FLUSH`, a restart, a
 * failover, another Cluster node), `EVALSHA` fails with NOSCRIPT without running anything, and the
 * script is sent again with `EVAL`.
 */
export class ScriptRunner {
  readonly #client: ScriptClient;
  readonly #sent = new Set<string>();

  constructor(client: ScriptClient) {
    this.#client = client;
  }

  async run(script: LuaScript, key: string, args: readonly (string | number)[]): Promise<unknown> {
    if (this.#sent.has(script.sha)) {
      try {
        return await this.#client.evalsha(script.sha, 1, key, ...args);
      } catch (error) {
        if (!isNoScript(error)) throw error;
      }
    }
    const reply = await this.#client.eval(script.lua, 1, key, ...args);
    this.#sent.add(script.sha);
    return reply;
  }
}
