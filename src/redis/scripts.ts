/**
 * The Lua scripts of the Redis store. Each runs atomically in Redis (no other command runs in between),
 * so every check-and-change is one step however many processes share the server. No script touches more
 * than {@link CHUNK} numbers, so none blocks the server for long (about 10–30 ms at most).
 *
 * ARGV[1] is the key prefix P, ARGV[2] the clock: '' for the server's own (TIME, the one clock every web
 * server shares), or epoch ms given by a store made with a `now` option (tests). Keys:
 *   P agents                   hash  agent id → agent JSON
 *   P licences                 hash  licence → agent id
 *   P n:<digits>               hash  a (agent), s (available | sold | withdrawn), c (buyer, when sold);
 *                                    x, xa, xs, xc, xu while an import stages the number (see below)
 *   P h:<digits>               hash  c (holder), u (held until, ms); Redis expiry at u
 *   P agent:<id>:numbers       set   the agent's numbers
 *   P agent:<id>:counts        hash  available (including held), sold, withdrawn
 *   P agent:<id>:held          zset  the agent's held numbers, scored by held-until
 *   P agent:<id>:imports       set   imports committed for the agent whose numbers are not all settled
 *   P imports                  set   every such import
 *   P imp:<x>                  'staging' (expires unless the importer keeps it alive) or 'committed'
 *   P imp:<x>:list             list  the numbers the import staged, to settle after the commit
 *   P imp:<x>:agent:<id>       set   the import's numbers for an agent (listed with the agent's own until settled)
 *   P imp:<x>:held:<id>        zset  the import's held numbers for an agent (counted until settled)
 *   P imp:<x>:tally            hash  <id>|active, <id>|sold, <id>|withdrawn, from|<id> (withdrawn numbers taken over)
 *   P imp:<x>:agents           set   the agents the import gives numbers to
 *   P order:<id>               hash  j (the order's JSON), v (version), s (status), c (customer), a (agent), n (digits)
 *   P orders                   zset  every order id, scored by its sequence number
 *   P order-seq                the last sequence number given (ids are order-<seq>)
 *   P order-open:<digits>      the id of the number's open (not cancelled) order
 *
 * An import (Store.load, or a reservation of more than CHUNK numbers) writes its numbers' new state into
 * the x fields a chunk at a time while P imp:<x> is 'staging': nobody reads them as the number's state.
 * One script then checks agents and quotas and sets P imp:<x> to 'committed': from that step on every
 * script reads the x fields as the state, and settles them (moves them into a, s, c) when it meets
 * them. If the importer dies before the commit, P imp:<x> expires and the x fields are ignored, then
 * dropped: all or nothing. Refusals are replies whose first element is a code, never Redis errors.
 */

/** The most numbers one script call reads or writes. */
export const CHUNK = 1_000;
/** How long a staging import lives without its importer, ms. */
export const STAGING_TTL_MS = 30_000;

const PRELUDE = `
local P = ARGV[1]
local function server_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local NOW
if ARGV[2] ~= '' then NOW = tonumber(ARGV[2]) else NOW = server_ms() end

local function hold_key(d, agent, customer, untilMs)
  local key = P .. 'h:' .. d
  redis.call('DEL', key)
  redis.call('HSET', key, 'c', customer, 'u', untilMs)
  -- Redis expires keys by its own clock; a caller's clock behind it (a test clock) would make that
  -- time past, so such a key gets a clean-up expiry a day on and the scripts judge it by the clock given.
  if tonumber(untilMs) > server_ms() then redis.call('PEXPIREAT', key, untilMs) else redis.call('PEXPIRE', key, 86400000) end
  redis.call('ZADD', P .. 'agent:' .. agent .. ':held', untilMs, d)
end

local function ends_hold(d, agent)
  redis.call('DEL', P .. 'h:' .. d)
  redis.call('ZREM', P .. 'agent:' .. agent .. ':held', d)
end

-- Whether the number, in state s (from st), may not be sold to the customer: the inventory's sell rule.
local function sell_refused(s, customer)
  return (s[2] == 'held' and s[3] ~= customer) or s[2] == 'sold' or s[2] == 'withdrawn'
end

-- Sells the number, in state s (from st), to the customer: its hold ends and it counts as sold.
local function sell_number(d, s, customer)
  ends_hold(d, s[1])
  redis.call('HSET', P .. 'n:' .. d, 's', 'sold', 'c', customer)
  local counts = P .. 'agent:' .. s[1] .. ':counts'
  redis.call('HINCRBY', counts, 'available', -1)
  redis.call('HINCRBY', counts, 'sold', 1)
end

-- Applies the state a committed import staged for the number, or drops that of a dead import.
local function settle(d)
  local key = P .. 'n:' .. d
  local f = redis.call('HMGET', key, 'x', 'xa', 'xs', 'xc', 'xu', 'a')
  local x = f[1]
  if not x then return end
  local phase = redis.call('GET', P .. 'imp:' .. x)
  if phase == 'staging' then return end
  redis.call('HDEL', key, 'x', 'xa', 'xs', 'xc', 'xu')
  if phase ~= 'committed' then return end
  local agent, status, old = f[2], f[3], f[6]
  if old and old ~= agent then redis.call('SREM', P .. 'agent:' .. old .. ':numbers', d) end
  redis.call('SADD', P .. 'agent:' .. agent .. ':numbers', d)
  redis.call('SREM', P .. 'imp:' .. x .. ':agent:' .. agent, d)
  redis.call('DEL', P .. 'h:' .. d)
  if status == 'held' then
    redis.call('HSET', key, 'a', agent, 's', 'available')
    redis.call('HDEL', key, 'c')
    hold_key(d, agent, f[4], f[5])
    redis.call('ZREM', P .. 'imp:' .. x .. ':held:' .. agent, d)
  else
    redis.call('HSET', key, 'a', agent, 's', status)
    if status == 'sold' then redis.call('HSET', key, 'c', f[4]) else redis.call('HDEL', key, 'c') end
  end
end

-- st(d) -> {agent, status, customer, until, ended hold's customer, its end} or nil (not reserved).
local function st(d)
  settle(d)
  local n = redis.call('HMGET', P .. 'n:' .. d, 'a', 's', 'c')
  if not n[1] then return nil end
  if n[2] == 'available' then
    local h = redis.call('HMGET', P .. 'h:' .. d, 'c', 'u')
    if h[1] then
      if tonumber(h[2]) > NOW then return {n[1], 'held', h[1], h[2], '', ''} end
      return {n[1], 'available', '', '', h[1], h[2]}
    end
    return {n[1], 'available', '', '', '', ''}
  end
  return {n[1], n[2], n[3] or '', '', '', ''}
end

-- Who else has the number for a reservation by agent: nil when it is free (or this import's own).
-- Returns {owner, status}; a number a live import is staging counts as that import's agent's.
local function owner_of(d, x)
  local s = st(d)
  if s ~= nil and s[2] ~= 'withdrawn' then return {s[1], s[2]} end
  local f = redis.call('HMGET', P .. 'n:' .. d, 'x', 'xa', 'xs')
  if f[1] and f[1] ~= x then return {f[2], f[3]} end
  return nil
end

local function each_number(mode, from, f)
  if mode == 'range' then
    for i = tonumber(ARGV[from]), tonumber(ARGV[from + 1]) do f(string.format('%.0f', i)) end
  else
    for i = from, #ARGV do f(ARGV[i]) end
  end
end
`;

export const SCRIPTS = {
  /** ARGV: P, clock, id, licence, parent or '', agent JSON. */
  addAgent: `${PRELUDE}
if redis.call('HEXISTS', P .. 'agents', ARGV[3]) == 1 then return {'DUPLICATE_ID'} end
local owner = redis.call('HGET', P .. 'licences', ARGV[4])
if owner then return {'DUPLICATE_LICENCE', owner} end
if ARGV[5] ~= '' then
  local parent = redis.call('HGET', P .. 'agents', ARGV[5])
  if not parent then return {'NO_PARENT'} end
  if cjson.decode(parent).level ~= 'first' then return {'SECOND_PARENT'} end
end
redis.call('HSET', P .. 'agents', ARGV[3], ARGV[6])
redis.call('HSET', P .. 'licences', ARGV[4], ARGV[3])
return {'ok'}
`,

  /** At most CHUNK numbers at once. ARGV: P, clock, agent, size, 'range', lo, hi | 'list', d1, d2, … */
  reserve: `${PRELUDE}
local agent, size, mode = ARGV[3], tonumber(ARGV[4]), ARGV[5]
local json = redis.call('HGET', P .. 'agents', agent)
if not json then return {'UNKNOWN_AGENT'} end
local quota = cjson.decode(json).quota
local counts = P .. 'agent:' .. agent .. ':counts'
local active = tonumber(redis.call('HGET', counts, 'available') or '0')
if active + size > quota then return {'QUOTA_EXCEEDED', tostring(active), tostring(quota)} end
local conflicts = {}
each_number(mode, 6, function(d)
  local o = owner_of(d, '')
  if o then conflicts[#conflicts + 1] = d; conflicts[#conflicts + 1] = o[1]; conflicts[#conflicts + 1] = o[2] end
end)
if #conflicts > 0 then return {'CONFLICTS', tostring(active), tostring(quota), unpack(conflicts)} end
local numbers = P .. 'agent:' .. agent .. ':numbers'
each_number(mode, 6, function(d)
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

  /** ARGV: P, clock, digits, customer, ttl → {'ok', until} | {'TAKEN', state…} | {'NOT_RESERVED'}. */
  hold: `${PRELUDE}
local d, customer, ttl = ARGV[3], ARGV[4], tonumber(ARGV[5])
local s = st(d)
if s == nil then return {'NOT_RESERVED'} end
if s[2] ~= 'available' then return {'TAKEN', unpack(s)} end
local untilMs = string.format('%.0f', NOW + ttl)
hold_key(d, s[1], customer, untilMs)
return {'ok', untilMs}
`,

  /** ARGV: P, clock, digits, customer. */
  release: `${PRELUDE}
local d, customer = ARGV[3], ARGV[4]
local s = st(d)
if s == nil then return {'NOT_RESERVED'} end
if s[2] ~= 'held' or s[3] ~= customer then return {'REFUSED', unpack(s)} end
ends_hold(d, s[1])
return {'ok'}
`,

  /** ARGV: P, clock, digits, customer. */
  sell: `${PRELUDE}
local d, customer = ARGV[3], ARGV[4]
local s = st(d)
if s == nil then return {'NOT_RESERVED'} end
if sell_refused(s, customer) then return {'REFUSED', unpack(s)} end
sell_number(d, s, customer)
return {'ok'}
`,

  /** ARGV: P, clock, digits. */
  withdraw: `${PRELUDE}
local d = ARGV[3]
local s = st(d)
if s == nil then return {'NOT_RESERVED'} end
if s[2] == 'sold' or s[2] == 'withdrawn' then return {'REFUSED', unpack(s)} end
ends_hold(d, s[1])
redis.call('HSET', P .. 'n:' .. d, 's', 'withdrawn')
redis.call('HDEL', P .. 'n:' .. d, 'c')
local counts = P .. 'agent:' .. s[1] .. ':counts'
redis.call('HINCRBY', counts, 'available', -1)
redis.call('HINCRBY', counts, 'withdrawn', 1)
return {'ok'}
`,

  /** ARGV: P, clock, digits. */
  who: `${PRELUDE}
local s = st(ARGV[3])
if s == nil then return {'NONE'} end
return {'ok', unpack(s)}
`,

  /**
   * One page of an agent's numbers from one of its sets. ARGV: P, clock, agent, set key ('' = its own),
   * cursor → {'ok', next cursor, d, status, customer, until, …} for the numbers that are the agent's now.
   */
  list: `${PRELUDE}
local agent = ARGV[3]
if redis.call('HEXISTS', P .. 'agents', agent) == 0 then return {'UNKNOWN_AGENT'} end
local set = ARGV[4]
if set == '' then set = P .. 'agent:' .. agent .. ':numbers' end
local page = redis.call('SSCAN', set, ARGV[5], 'COUNT', ${CHUNK / 4})
local out = {'ok', page[1]}
for _, d in ipairs(page[2]) do
  local s = st(d)
  if s ~= nil and s[1] == agent then
    out[#out + 1] = d
    out[#out + 1] = s[2]
    out[#out + 1] = s[3]
    out[#out + 1] = s[4]
  end
end
local imports = {}
if ARGV[4] == '' and ARGV[5] == '0' then imports = redis.call('SMEMBERS', P .. 'agent:' .. agent .. ':imports') end
out[#out + 1] = '--imports'
for _, x in ipairs(imports) do out[#out + 1] = P .. 'imp:' .. x .. ':agent:' .. agent end
return out
`,

  /** ARGV: P, clock, agent or '' (every agent) → {'ok', available, held, sold, withdrawn}. */
  counts: `${PRELUDE}
local only = ARGV[3]
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
  local held = redis.call('ZCOUNT', P .. 'agent:' .. id .. ':held', '(' .. NOW, '+inf')
  for _, x in ipairs(redis.call('SMEMBERS', P .. 'agent:' .. id .. ':imports')) do
    held = held + redis.call('ZCOUNT', P .. 'imp:' .. x .. ':held:' .. id, '(' .. NOW, '+inf')
  end
  a = a + tonumber(c[1] or '0') - held
  h = h + held
  s = s + tonumber(c[2] or '0')
  w = w + tonumber(c[3] or '0')
end
return {'ok', a, h, s, w}
`,

  /**
   * Stages (or with write '0' only checks) at most CHUNK numbers of an import, keeping it alive for
   * ttl ms more. ARGV: P, clock, import, write '1' | '0', agent, status, customer, until, ttl,
   * 'range', lo, hi | 'list', d1, … →
   * {'ok', taken count, own count, taken d, owner, status … (first 20), '--own', own d … (first 20)} or {'EXPIRED'}.
   */
  stage: `${PRELUDE}
local x, write, agent, status, customer, untilMs = ARGV[3], ARGV[4] == '1', ARGV[5], ARGV[6], ARGV[7], ARGV[8]
local base = P .. 'imp:' .. x
if write and redis.call('GET', base) ~= 'staging' then return {'EXPIRED'} end
local taken, own, ntaken, nown = {}, {}, 0, 0
local staged = {}
each_number(ARGV[10], 11, function(d)
  local o = owner_of(d, x)
  if o then
    if o[1] == agent then
      nown = nown + 1
      if nown <= 20 then own[#own + 1] = d end
    else
      ntaken = ntaken + 1
      if ntaken <= 20 then taken[#taken + 1] = d; taken[#taken + 1] = o[1]; taken[#taken + 1] = o[2] end
    end
  elseif write and ntaken + nown == 0 then
    staged[#staged + 1] = d
  end
end)
if write and ntaken + nown == 0 and #staged > 0 then
  local tally = base .. ':tally'
  for _, d in ipairs(staged) do
    local key = P .. 'n:' .. d
    if redis.call('HGET', key, 'x') ~= x then
      local old = redis.call('HGET', key, 'a')
      if old then redis.call('HINCRBY', tally, 'from|' .. old, 1) end
      redis.call('HSET', key, 'x', x, 'xa', agent, 'xs', status)
      if customer ~= '' then redis.call('HSET', key, 'xc', customer) else redis.call('HDEL', key, 'xc') end
      if status == 'held' then
        redis.call('HSET', key, 'xu', untilMs)
        redis.call('ZADD', base .. ':held:' .. agent, untilMs, d)
      else
        redis.call('HDEL', key, 'xu')
      end
      redis.call('RPUSH', base .. ':list', d)
      redis.call('SADD', base .. ':agent:' .. agent, d)
      redis.call('SADD', base .. ':agents', agent)
      local kind = status
      if status == 'available' or status == 'held' then kind = 'active' end
      redis.call('HINCRBY', tally, agent .. '|' .. kind, 1)
    end
  end
  local ttl = tonumber(ARGV[9])
  redis.call('PEXPIRE', base, ttl)
  for _, key in ipairs({base .. ':list', base .. ':tally', base .. ':agents', base .. ':agent:' .. agent, base .. ':held:' .. agent}) do
    redis.call('PEXPIRE', key, ttl + 60000)
  end
end
local out = {'ok', tostring(ntaken), tostring(nown)}
for _, v in ipairs(taken) do out[#out + 1] = v end
out[#out + 1] = '--own'
for _, v in ipairs(own) do out[#out + 1] = v end
return out
`,

  /**
   * Commits a staged import in one step. ARGV: P, clock, import, agent count, agent JSON …, then the ids
   * of the agents that receive numbers → {'ok', settled: '1' when every number was settled at once} or
   * a refusal: {'EXPIRED'} | {'AGENT', index, 'DUPLICATE_ID' | 'DUPLICATE_LICENCE' owner | 'NO_PARENT' | 'SECOND_PARENT'} |
   * {'QUOTA', agent, active in store, active after}.
   */
  commit: `${PRELUDE}
local x = ARGV[3]
local base = P .. 'imp:' .. x
if redis.call('GET', base) ~= 'staging' then return {'EXPIRED'} end
local nagents = tonumber(ARGV[4])
local incoming = {}
local licences = {}
for i = 1, nagents do
  local a = cjson.decode(ARGV[4 + i])
  if redis.call('HEXISTS', P .. 'agents', a.id) == 1 or incoming[a.id] then return {'AGENT', tostring(i), 'DUPLICATE_ID'} end
  local owner = redis.call('HGET', P .. 'licences', a.licence) or licences[a.licence]
  if owner then return {'AGENT', tostring(i), 'DUPLICATE_LICENCE', owner} end
  if a.parent then
    local level
    if incoming[a.parent] then level = incoming[a.parent].level else
      local pj = redis.call('HGET', P .. 'agents', a.parent)
      if pj then level = cjson.decode(pj).level end
    end
    if not level then return {'AGENT', tostring(i), 'NO_PARENT'} end
    if level ~= 'first' then return {'AGENT', tostring(i), 'SECOND_PARENT'} end
  end
  incoming[a.id] = a
  licences[a.licence] = a.id
end
local tally = base .. ':tally'
local receivers = {}
for i = 5 + nagents, #ARGV do receivers[#receivers + 1] = ARGV[i] end
for _, id in ipairs(receivers) do
  local quota
  if incoming[id] then quota = incoming[id].quota else
    local json = redis.call('HGET', P .. 'agents', id)
    if not json then return {'AGENT_GONE', id} end
    quota = cjson.decode(json).quota
  end
  local active = tonumber(redis.call('HGET', P .. 'agent:' .. id .. ':counts', 'available') or '0')
  local adding = tonumber(redis.call('HGET', tally, id .. '|active') or '0')
  if active + adding > quota then return {'QUOTA', id, tostring(active), tostring(active + adding)} end
end
for i = 1, nagents do
  local a = cjson.decode(ARGV[4 + i])
  redis.call('HSET', P .. 'agents', a.id, ARGV[4 + i])
  redis.call('HSET', P .. 'licences', a.licence, a.id)
end
local fields = redis.call('HGETALL', tally)
for i = 1, #fields, 2 do
  local key, n = fields[i], tonumber(fields[i + 1])
  local from = string.match(key, '^from|(.*)$')
  if from then
    redis.call('HINCRBY', P .. 'agent:' .. from .. ':counts', 'withdrawn', -n)
  else
    local id, kind = string.match(key, '^(.*)|([a-z]+)$')
    if kind == 'active' then kind = 'available' end
    redis.call('HINCRBY', P .. 'agent:' .. id .. ':counts', kind, n)
  end
end
redis.call('SET', base, 'committed')
for _, key in ipairs({base .. ':list', base .. ':tally', base .. ':agents'}) do redis.call('PERSIST', key) end
for _, id in ipairs(receivers) do
  redis.call('PERSIST', base .. ':agent:' .. id)
  redis.call('PERSIST', base .. ':held:' .. id)
end
redis.call('SADD', P .. 'imports', x)
for _, id in ipairs(receivers) do redis.call('SADD', P .. 'agent:' .. id .. ':imports', x) end
return {'ok'}
`,

  /**
   * Settles up to CHUNK numbers of a committed import; when none are left, forgets the import.
   * ARGV: P, clock, import → {'ok', 'done' | 'more'}.
   */
  settle: `${PRELUDE}
local x = ARGV[3]
local base = P .. 'imp:' .. x
local phase = redis.call('GET', base)
if phase == 'committed' then
  local numbers = redis.call('LPOP', base .. ':list', ${CHUNK})
  if numbers then
    for _, d in ipairs(numbers) do settle(d) end
    if redis.call('LLEN', base .. ':list') > 0 then return {'ok', 'more'} end
  end
end
for _, id in ipairs(redis.call('SMEMBERS', base .. ':agents')) do
  redis.call('SREM', P .. 'agent:' .. id .. ':imports', x)
  redis.call('DEL', base .. ':agent:' .. id, base .. ':held:' .. id)
end
redis.call('DEL', base, base .. ':list', base .. ':tally', base .. ':agents')
redis.call('SREM', P .. 'imports', x)
return {'ok', 'done'}
`,

  /**
   * Writes a draft order if the number is held for its customer and has no open order. ARGV: P, clock,
   * digits, customer, status, the order's JSON without id and agent → {'ok', id, agent} | {'NOT_HELD'} |
   * {'DUPLICATE_ORDER', open id}.
   */
  orderInsert: `${PRELUDE}
local d, customer, status, body = ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local s = st(d)
if s == nil or s[2] ~= 'held' or s[3] ~= customer then return {'NOT_HELD'} end
local open = redis.call('GET', P .. 'order-open:' .. d)
if open then return {'DUPLICATE_ORDER', open} end
local seq = redis.call('INCR', P .. 'order-seq')
local id = 'order-' .. seq
local json = '{"id":"' .. id .. '",' .. string.sub(body, 2, -2) .. ',"agent":"' .. s[1] .. '"}'
redis.call('HSET', P .. 'order:' .. id, 'j', json, 'v', 1, 's', status, 'c', customer, 'a', s[1], 'n', d)
redis.call('ZADD', P .. 'orders', seq, id)
redis.call('SET', P .. 'order-open:' .. d, id)
return {'ok', id, s[1]}
`,

  /**
   * Writes an order's step if its stored version is the one before, with the inventory change in the same
   * script. ARGV: P, clock, id, new version, status, the order's JSON, '' | 'sell' | 'release', digits,
   * customer → {'ok'} | {'STALE'} | {'NOT_RESERVED'} | {'REFUSED', state…} (the sale refused).
   */
  orderCommit: `${PRELUDE}
local id, v, status, json, op, d, customer = ARGV[3], tonumber(ARGV[4]), ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9]
local key = P .. 'order:' .. id
local stored = redis.call('HGET', key, 'v')
if not stored or tonumber(stored) ~= v - 1 then return {'STALE'} end
if op == 'sell' then
  local s = st(d)
  if s == nil then return {'NOT_RESERVED'} end
  if sell_refused(s, customer) then return {'REFUSED', unpack(s)} end
  sell_number(d, s, customer)
elseif op == 'release' then
  local s = st(d)
  if s ~= nil and s[2] == 'held' and s[3] == customer then ends_hold(d, s[1]) end
end
redis.call('HSET', key, 'j', json, 'v', v, 's', status)
if status == 'cancelled' and redis.call('GET', P .. 'order-open:' .. d) == id then redis.call('DEL', P .. 'order-open:' .. d) end
return {'ok'}
`,

  /**
   * One page of at most CHUNK orders in the order they were made, filtered. ARGV: P, clock, start rank,
   * customer, agent, status, digits ('' for any) → {'ok', next start or '', JSON …}.
   */
  orderList: `${PRELUDE}
local start = tonumber(ARGV[3])
local want = {ARGV[4], ARGV[5], ARGV[6], ARGV[7]}
local ids = redis.call('ZRANGE', P .. 'orders', start, start + ${CHUNK} - 1)
local out = {'ok', ''}
if #ids == ${CHUNK} then out[2] = tostring(start + ${CHUNK}) end
for _, id in ipairs(ids) do
  local f = redis.call('HMGET', P .. 'order:' .. id, 'c', 'a', 's', 'n', 'j')
  local match = true
  for i = 1, 4 do if want[i] ~= '' and f[i] ~= want[i] then match = false end end
  if match then out[#out + 1] = f[5] end
end
return out
`,
} as const;

export type ScriptName = keyof typeof SCRIPTS;
