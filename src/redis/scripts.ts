/**
 * The Lua scripts of the Redis store. Each runs atomically in Redis (no other command runs in between),
 * so every check-and-change is one step however many processes share the server.
 *
 * ARGV[1] is always the key prefix P; the scripts build their keys from it:
 *   P agents                 hash  agent id → agent JSON
 *   P licences               hash  licence → agent id
 *   P n:<digits>             hash  a (agent), s (available | sold | withdrawn), c (buyer, when sold)
 *   P h:<digits>             hash  c (holder), u (held until, store clock ms); Redis expiry at u
 *   P agent:<id>:numbers     set   the agent's numbers
 *   P agent:<id>:counts      hash  available (including held), sold, withdrawn
 *   P agent:<id>:held        zset  the agent's held numbers, scored by held-until
 * A number is held when its hold key exists and u is later than the caller's clock (passed in).
 * Scripts report refusals as a reply whose first element is an error code, never as Redis errors.
 */

/** st(d, now) → {agent, status, customer, until, hold customer, hold until} or nil (not reserved). */
const STATE = `
local P = ARGV[1]
local function st(d, now)
  local n = redis.call('HMGET', P .. 'n:' .. d, 'a', 's', 'c')
  if not n[1] then return nil end
  if n[2] == 'available' then
    local h = redis.call('HMGET', P .. 'h:' .. d, 'c', 'u')
    if h[1] then
      if tonumber(h[2]) > now then return {n[1], 'held', h[1], h[2], h[1], h[2]} end
      return {n[1], 'available', '', '', h[1], h[2]}
    end
    return {n[1], 'available', '', '', '', ''}
  end
  return {n[1], n[2], n[3] or '', '', '', ''}
end
local function ends_hold(d, agent)
  redis.call('DEL', P .. 'h:' .. d)
  redis.call('ZREM', P .. 'agent:' .. agent .. ':held', d)
end
`;

export const SCRIPTS = {
  /** ARGV: P, id, licence, parent or '', agent JSON. */
  addAgent: `
local P = ARGV[1]
if redis.call('HEXISTS', P .. 'agents', ARGV[2]) == 1 then return {'DUPLICATE_ID'} end
local owner = redis.call('HGET', P .. 'licences', ARGV[3])
if owner then return {'DUPLICATE_LICENCE', owner} end
if ARGV[4] ~= '' then
  local parent = redis.call('HGET', P .. 'agents', ARGV[4])
  if not parent then return {'NO_PARENT'} end
  if cjson.decode(parent).level ~= 'first' then return {'SECOND_PARENT'} end
end
redis.call('HSET', P .. 'agents', ARGV[2], ARGV[5])
redis.call('HSET', P .. 'licences', ARGV[3], ARGV[2])
return {'ok'}
`,

  /** ARGV: P, agent, now, size, 'range', lo, hi | 'list', d1, d2, … */
  reserve: `${STATE}
local agent, now, size, mode = ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]), ARGV[5]
local json = redis.call('HGET', P .. 'agents', agent)
if not json then return {'UNKNOWN_AGENT'} end
local quota = cjson.decode(json).quota
local counts = P .. 'agent:' .. agent .. ':counts'
local active = tonumber(redis.call('HGET', counts, 'available') or '0')
if active + size > quota then return {'QUOTA_EXCEEDED', tostring(active), tostring(quota)} end
local function each(f)
  if mode == 'range' then
    for i = tonumber(ARGV[6]), tonumber(ARGV[7]) do f(string.format('%.0f', i)) end
  else
    for i = 6, #ARGV do f(ARGV[i]) end
  end
end
local taken, ntaken, own, nown = {}, 0, {}, 0
each(function(d)
  local s = st(d, now)
  if s == nil or s[2] == 'withdrawn' then return end
  if s[1] == agent then
    nown = nown + 1
    if nown <= 20 then own[#own + 1] = d end
  else
    ntaken = ntaken + 1
    if ntaken <= 20 then
      taken[#taken + 1] = d
      taken[#taken + 1] = s[1]
      taken[#taken + 1] = s[2]
    end
  end
end)
if ntaken > 0 then return {'OVERLAP', tostring(ntaken), unpack(taken)} end
if nown > 0 then return {'DUPLICATE_NUMBER', tostring(nown), unpack(own)} end
local numbers = P .. 'agent:' .. agent .. ':numbers'
each(function(d)
  local key = P .. 'n:' .. d
  local old = redis.call('HGET', key, 'a')
  if old then
    redis.call('SREM', P .. 'agent:' .. old .. ':numbers', d)
    redis.call('HINCRBY', P .. 'agent:' .. old .. ':counts', 'withdrawn', -1)
    redis.call('DEL', key, P .. 'h:' .. d)
  end
  redis.call('HSET', key, 'a', agent, 's', 'available')
  redis.call('SADD', numbers, d)
end)
redis.call('HINCRBY', counts, 'available', size)
return {'ok'}
`,

  /** ARGV: P, digits, customer, now, until, ttl. */
  hold: `${STATE}
local d, customer, now, untilMs = ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5]
local s = st(d, now)
if s == nil then return {'NOT_RESERVED'} end
if s[2] ~= 'available' then return {'TAKEN', unpack(s)} end
local key = P .. 'h:' .. d
redis.call('DEL', key)
redis.call('HSET', key, 'c', customer, 'u', untilMs)
-- Expire the hold key at its end. Redis expires by its own clock; a store clock that is behind it by
-- more than the hold (an injected test clock) would make that time already past, so such a key only
-- gets a clean-up expiry a day after the hold's length, and the scripts judge it by the caller's clock.
local t = redis.call('TIME')
local redisNow = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if tonumber(untilMs) > redisNow then
  redis.call('PEXPIREAT', key, untilMs)
else
  redis.call('PEXPIRE', key, tonumber(ARGV[6]) + 86400000)
end
redis.call('ZADD', P .. 'agent:' .. s[1] .. ':held', untilMs, d)
return {'ok'}
`,

  /** ARGV: P, digits, customer, now. */
  release: `${STATE}
local d, customer = ARGV[2], ARGV[3]
local s = st(d, tonumber(ARGV[4]))
if s == nil then return {'NOT_RESERVED'} end
if s[2] ~= 'held' then return {'NOT_HELD', unpack(s)} end
if s[3] ~= customer then return {'NOT_HOLDER', unpack(s)} end
ends_hold(d, s[1])
return {'ok'}
`,

  /** ARGV: P, digits, customer, now. */
  sell: `${STATE}
local d, customer = ARGV[2], ARGV[3]
local s = st(d, tonumber(ARGV[4]))
if s == nil then return {'NOT_RESERVED'} end
if s[2] == 'held' and s[3] ~= customer then return {'NOT_HOLDER', unpack(s)} end
if s[2] == 'sold' or s[2] == 'withdrawn' then return {'NOT_AVAILABLE', unpack(s)} end
ends_hold(d, s[1])
redis.call('HSET', P .. 'n:' .. d, 's', 'sold', 'c', customer)
local counts = P .. 'agent:' .. s[1] .. ':counts'
redis.call('HINCRBY', counts, 'available', -1)
redis.call('HINCRBY', counts, 'sold', 1)
return {'ok'}
`,

  /** ARGV: P, digits, now. */
  withdraw: `${STATE}
local d = ARGV[2]
local s = st(d, tonumber(ARGV[3]))
if s == nil then return {'NOT_RESERVED'} end
if s[2] == 'sold' or s[2] == 'withdrawn' then return {'NOT_AVAILABLE', unpack(s)} end
ends_hold(d, s[1])
redis.call('HSET', P .. 'n:' .. d, 's', 'withdrawn')
redis.call('HDEL', P .. 'n:' .. d, 'c')
local counts = P .. 'agent:' .. s[1] .. ':counts'
redis.call('HINCRBY', counts, 'available', -1)
redis.call('HINCRBY', counts, 'withdrawn', 1)
return {'ok'}
`,

  /** ARGV: P, digits, now. */
  who: `${STATE}
local s = st(ARGV[2], tonumber(ARGV[3]))
if s == nil then return {'NONE'} end
return {'ok', unpack(s)}
`,

  /** ARGV: P, agent, now → {'ok', d, status, customer, until, …} in set order. */
  list: `${STATE}
local agent, now = ARGV[2], tonumber(ARGV[3])
if redis.call('HEXISTS', P .. 'agents', agent) == 0 then return {'UNKNOWN_AGENT'} end
local out = {'ok'}
for _, d in ipairs(redis.call('SMEMBERS', P .. 'agent:' .. agent .. ':numbers')) do
  local s = st(d, now)
  out[#out + 1] = d
  out[#out + 1] = s[2]
  out[#out + 1] = s[3]
  out[#out + 1] = s[4]
end
return out
`,

  /** ARGV: P, now, agent or '' (every agent) → {'ok', available, held, sold, withdrawn}. */
  counts: `
local P, now, only = ARGV[1], ARGV[2], ARGV[3]
local ids
if only ~= '' then
  if redis.call('HEXISTS', P .. 'agents', only) == 0 then return {'UNKNOWN_AGENT'} end
  ids = {only}
else
  ids = redis.call('HKEYS', P .. 'agents')
end
local a, h, s, w = 0, 0, 0, 0
for _, id in ipairs(ids) do
  local c = redis.call('HMGET', P .. 'agent:' .. id .. ':counts', 'available', 'sold', 'withdrawn')
  local held = redis.call('ZCOUNT', P .. 'agent:' .. id .. ':held', '(' .. now, '+inf')
  a = a + tonumber(c[1] or '0') - held
  h = h + held
  s = s + tonumber(c[2] or '0')
  w = w + tonumber(c[3] or '0')
end
return {'ok', a, h, s, w}
`,
} as const;

export type ScriptName = keyof typeof SCRIPTS;
