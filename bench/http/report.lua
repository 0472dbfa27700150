-- wrk reporter for bench/http-benchmark.sh: counts non-2xx responses per
-- thread and prints one machine-readable line at the end:
--   WRK requests seconds req_per_s p50_ms p99_ms non2xx connect read write timeout
-- (requests: completed responses of any status; the socket error counts are
-- wrk's own: connect, read, write, timeout.)
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do
    bad = bad + (t:get("non2xx") or 0)
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("WRK %d %.3f %.1f %.3f %.3f %d %d %d %d %d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    bad, e.connect, e.read, e.write, e.timeout))
end
