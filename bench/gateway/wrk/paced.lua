-- Paces every connection: after each response it waits $PACE_MS milliseconds before sending the next
-- request, so c connections offer about c × 1000 / (PACE_MS + latency) requests per second, set by
-- the pause rather than by how fast the server answers (wrk has no fixed-rate mode). wrk times each
-- request from when it is written, so the pause is not part of its latency.
local pace = tonumber(os.getenv("PACE_MS"))

function delay()
  return pace
end
