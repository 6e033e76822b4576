-- wrk script: POST /api/v1/contacts with a new contact per request, so every request inserts a row.
-- The sourceId is "<thread>-<counter>", unique within the run; the source names the run.
-- Usage: wrk -t2 -c16 -d30s --latency -s post-contact.lua http://127.0.0.1:PORT -- SOURCE
-- At the end it prints one line "BENCH key=value ..." with the exact figures run.sh records.

local threads = {}
local next_thread = 1

function setup(thread)
  thread:set("tid", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

local channels = {"phone", "desk", "email", "webform", "chat", "whatsapp", "social", "letter", "app", "sms"}
local kinds = {"question", "request", "report", "complaint", "compliment"}
local topics = {"parkeren", "afval", "paspoort", "verhuizing", "belasting", "wmo"}
local source, counter = "post-load", 0
statuses, others = 0, 0   -- globals: done() reads them from each thread with thread:get
local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. (os.getenv("MAATWERK_BOOTSTRAP_API_KEY") or "")}

function init(args)
  source = args[1] or source
end

function request()
  counter = counter + 1
  local n = counter
  local body = string.format(
      '{"source":"%s","sourceId":"%d-%d","channel":"%s","direction":"inbound","kind":"%s","topic":"%s",'
      .. '"subtopic":"%s/a","occurredAt":"2025-06-%02dT%02d:%02d:00+02:00","closedAt":"2025-06-%02dT%02d:59:00+02:00",'
      .. '"resolvedFirstContact":%s,"satisfaction":%d,"neighbourhood":"BU0363%04d",'
      .. '"text":"Vraag over de aanslag van café De Zon, contact %d van draad %d"}',
      source, tid, n, channels[n % 10 + 1], kinds[n % 5 + 1], topics[n % 6 + 1], topics[n % 6 + 1],
      n % 28 + 1, n % 20, n % 60, n % 28 + 1, n % 20 + 1,
      (n % 2 == 0) and "true" or "false", n % 5 + 1, n % 10000, n, tid)
  return wrk.format("POST", "/api/v1/contacts", headers, body)
end

function response(status, hdrs, body)
  if status == 201 then
    statuses = statuses + 1
  else
    others = others + 1
    if others <= 3 then
      io.stderr:write("unexpected HTTP " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local created, other = 0, 0
  for _, t in ipairs(threads) do
    created = created + t:get("statuses")
    other = other + t:get("others")
  end
  local e = summary.errors
  io.write(string.format(
      "BENCH requests=%d duration_s=%.3f rps=%.1f created=%d other_status=%d connect_errors=%d read_errors=%d "
      .. "write_errors=%d timeouts=%d p50_ms=%.3f p75_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f mean_ms=%.3f\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), created, other,
      e.connect, e.read, e.write, e.timeout,
      latency:percentile(50) / 1e3, latency:percentile(75) / 1e3, latency:percentile(90) / 1e3,
      latency:percentile(99) / 1e3, latency:percentile(99.9) / 1e3, latency.max / 1e3, latency.mean / 1e3))
end
