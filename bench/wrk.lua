-- wrk script of `make bench`: counts non-2xx answers per thread and prints one machine-readable line at the end.
-- With a pool file as argument (wrk ... -- POOL [THREADS]) each request takes the next line of the file, so that
-- every request of a long-tail scenario is a different URL (thread i of n takes lines i, i + n, ...); the file
-- starts over only when it is used up. Without one, every request is the URL given on the command line.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  non2xx = 0
  sent = 0
  paths = nil
  if args[1] then
    paths = {}
    for line in io.lines(args[1]) do
      table.insert(paths, line)
    end
    step = tonumber(args[2] or "1")
    index = id
  end
end

function request()
  sent = sent + 1
  if not paths or #paths == 0 then
    return wrk.format()
  end
  local path = paths[(index - 1) % #paths + 1]
  index = index + step
  return wrk.format(nil, path)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad, total_sent = 0, 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
    total_sent = total_sent + thread:get("sent")
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "sent": %d, "duration_us": %d, "bytes": %d, "non2xx": %d, "connect": %d, ' ..
    '"read": %d, "write": %d, "timeout": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d, ' ..
    '"mean_us": %.1f}\n',
    summary.requests, total_sent, summary.duration, summary.bytes, bad, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, latency.mean))
end
