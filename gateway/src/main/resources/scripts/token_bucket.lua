-- Token bucket in one hash (KEYS[1]): ARGV[1] capacity, ARGV[2] tokens per second, ARGV[3] tokens
-- wanted (a gateway may take a small batch and hand it out locally). Uses the Redis clock so every
-- gateway instance shares one time line. Grants as many of the wanted tokens as the bucket holds.
-- Returns {tokens granted, tokens left, ms until a token is available, ms until the bucket is full}.
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local wanted = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or capacity
local last = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - last) * rate / 1000)
local granted = math.min(wanted, math.floor(tokens))
tokens = tokens - granted
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
local wait = 0
if granted == 0 then
  wait = math.ceil((1 - tokens) * 1000 / rate)
end
return { granted, math.floor(tokens), wait, math.ceil((capacity - tokens) * 1000 / rate) }
