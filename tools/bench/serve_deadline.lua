-- wrk script for tools/bench/serve_bench: POST /v1/deadline with a JSON body on keep-alive
-- connections; prints requests/s, p50 and p99 latency and any non-200 answers.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"id":1,"rule":"cn.enforcement.application","events":{"effective":"2023-06-30"},"act":"2025-07-10","zone":"America/New_York"}'

local bad = 0
response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d rps=%.0f p50_us=%d p99_us=%d errors=%d non200=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50), latency:percentile(99),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, bad))
end
