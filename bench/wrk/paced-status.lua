-- bench/gateway/wrk/paced.lua's pacing (every connection waits $PACE_MS milliseconds after each response
-- before its next request), plus a count of the responses by status: done() prints one line,
-- "statuses: 200=N 401=M ...", so a soak tells intended answers from errors.
local pace = tonumber(os.getenv("PACE_MS"))
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

function delay()
  return pace
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + n
    end
  end
  local keys = {}
  for status in pairs(total) do
    table.insert(keys, status)
  end
  table.sort(keys)
  local parts = {}
  for _, status in ipairs(keys) do
    table.insert(parts, status .. "=" .. total[status])
  end
  io.write("statuses: " .. table.concat(parts, " ") .. "\n")
end
