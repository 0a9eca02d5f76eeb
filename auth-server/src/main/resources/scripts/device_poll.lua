-- One poll of a device code at the token endpoint (device/DevicePollingPace, RFC 8628 section 3.5).
-- KEYS[1]: the code's pace, a hash of the last poll's time and the interval in force (ms).
-- ARGV[1]: the interval the device was told (ms); ARGV[2]: how long to remember the code (ms).
-- Returns 1 when this poll came sooner than the interval allows (slow_down): the interval then grows by
-- 5 s for this and every later poll. Redis's clock, so that every instance measures alike.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local pace = redis.call('HMGET', KEYS[1], 'last', 'interval')
local last = tonumber(pace[1])
local interval = tonumber(pace[2]) or tonumber(ARGV[1])
local early = 0
if last and now - last < interval then
  early = 1
  interval = interval + 5000
end
redis.call('HSET', KEYS[1], 'last', now, 'interval', interval)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return early
