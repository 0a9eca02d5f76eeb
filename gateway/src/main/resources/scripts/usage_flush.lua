-- One batch of API-key usage of one shard (docs/contracts.md): KEYS[1] is the shard's dirty set, KEYS[2..]
-- the usage hashes of that shard, all in one cluster slot; ARGV[1] how long (ms) the hashes and the set
-- outlive this write; then per hash four ARGVs: the day's count field, the count, last_used_at (epoch ms),
-- the key id. The TTL, renewed by every write, clears counters that no auth-server claims (none running,
-- or the key gone) instead of keeping them forever.
local ttl = ARGV[1]
for i = 2, #KEYS do
  local a = 1 + (i - 2) * 4
  redis.call('HINCRBY', KEYS[i], ARGV[a + 1], ARGV[a + 2])
  local previous = tonumber(redis.call('HGET', KEYS[i], 'last_used_at') or '0')
  if tonumber(ARGV[a + 3]) > previous then
    redis.call('HSET', KEYS[i], 'last_used_at', ARGV[a + 3])
  end
  redis.call('PEXPIRE', KEYS[i], ttl)
  redis.call('SADD', KEYS[1], ARGV[a + 4])
end
redis.call('PEXPIRE', KEYS[1], ttl)
return #KEYS - 1
