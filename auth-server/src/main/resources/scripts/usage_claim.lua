-- Claims up to ARGV[1] keys' usage of one shard at once (docs/contracts.md): pops their ids from the
-- shard's dirty set (KEYS[1]), moves each usage hash (ARGV[2] .. id, the shard's prefix, so in the same
-- cluster slot) into the batch's claim hash (KEYS[2], fields "id|field") and deletes it, and lists the
-- batch (ARGV[3]) in the shard's set of open claims (KEYS[3]).
-- Being one script, a counter is claimed by exactly one flusher; the gateway's next increment starts
-- a new hash. Returns how many ids were popped.
local ids = redis.call('SPOP', KEYS[1], ARGV[1])
local claimed = 0
for _, id in ipairs(ids) do
  local hash = ARGV[2] .. id
  local fields = redis.call('HGETALL', hash)
  for i = 1, #fields, 2 do
    redis.call('HSET', KEYS[2], id .. '|' .. fields[i], fields[i + 1])
  end
  if #fields > 0 then
    redis.call('DEL', hash)
    claimed = claimed + 1
  end
end
if claimed > 0 then
  redis.call('SADD', KEYS[3], ARGV[3])
end
return #ids
