// Lua for the state instances coordinate through: breaker state and token buckets (one key each).
import { luaScript } from './scripts.js';

/** Server time in whole ms; every breaker time is Redis's, so instances with skewed clocks agree. */
const NOW_MS = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

/** Reply: {'closed', 0} | {'open', retryAfterMs} | {'half_open', 0}. */
export const BREAKER_READ = luaScript(`${NOW_MS}
local rec = redis.call('HMGET', KEYS[1], 'tripped', 'openUntil')
if not rec[1] then return {'closed', 0} end
local left = tonumber(rec[2]) - now
if left > 0 then return {'open', left} end
return {'half_open', 0}
`);

/** ARGV: openMs, keepMs. Trips the breaker and clears any probe. */
export const BREAKER_OPEN = luaScript(`${NOW_MS}
redis.call('HSET', KEYS[1], 'tripped', '1', 'openUntil', tostring(now + tonumber(ARGV[1])), 'probeUntil', '0')
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
return 1
`);

/** ARGV: probe ttlMs. Reply 1 when this caller may probe: tripped, open time over, no live probe. */
export const BREAKER_PROBE = luaScript(`${NOW_MS}
local rec = redis.call('HMGET', KEYS[1], 'tripped', 'openUntil', 'probeUntil')
if not rec[1] or tonumber(rec[2]) > now or tonumber(rec[3]) > now then return 0 end
redis.call('HSET', KEYS[1], 'probeUntil', tostring(now + tonumber(ARGV[1])))
return 1
`);

/** ARGV: capacity, refillPerSecond, cost, idleMs. Reply: {allowed 0|1, waitMs, remaining}. */
export const TOKEN_BUCKET_TAKE = luaScript(`${NOW_MS}
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local rec = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(rec[1]) or capacity
local at = tonumber(rec[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) / 1000 * rate)
local allowed = 0
local wait = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
else
  wait = math.ceil((cost - tokens) / rate * 1000)
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[4]))
return {allowed, wait, math.floor(tokens)}
`);
