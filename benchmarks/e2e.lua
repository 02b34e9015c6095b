-- wrk script of benchmarks/e2e.sh. With E2E_BODY set, every request is a JSON POST of that body. At the end one
-- machine-readable line: requests, duration (us), p50 and p99 latency (us), non-2xx/3xx responses, socket errors.
local body = os.getenv("E2E_BODY")
if body and body ~= "" then
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("E2E %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end
