-- A different API key on every request, so each one misses both gateway caches and is exchanged at
-- auth-server. Keys come from $KEYS_FILE (one a line), lines $KEY_FROM..$KEY_TO inclusive; thread i
-- of $WRK_THREADS takes every WRK_THREADS-th line of that range, so no key is sent twice unless a
-- thread runs out of keys and starts its slice again: done() prints how often that happened
-- ("wraps"); with wraps=0 every request carried a key the gateway had never seen.
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local from = tonumber(os.getenv("KEY_FROM"))
  local to = tonumber(os.getenv("KEY_TO"))
  local n = tonumber(os.getenv("WRK_THREADS"))
  keys = {}
  local line = 0
  for key in io.lines(os.getenv("KEYS_FILE")) do
    line = line + 1
    if line >= from and line <= to and (line - from) % n == id - 1 then
      keys[#keys + 1] = key
    end
  end
  available = #keys
  pos = 0
  sent = 0
  wraps = 0
end

function request()
  pos = pos + 1
  if pos > #keys then
    pos = 1
    wraps = wraps + 1
  end
  sent = sent + 1
  return wrk.format(nil, nil, { ["X-API-Key"] = keys[pos] })
end

function done(summary, latency, requests)
  local sent, wraps, available = 0, 0, 0
  for _, thread in ipairs(threads) do
    sent = sent + thread:get("sent")
    wraps = wraps + thread:get("wraps")
    available = available + thread:get("available")
  end
  io.write(string.format("rotating-keys: keys_sent=%d keys_available=%d wraps=%d\n", sent, available, wraps))
end
