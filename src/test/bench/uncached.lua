-- wrk script of src/test/bench/load.sh: filtered feeds that all miss the render cache.
--
--   wrk -t1 -c8 -d15s --latency -s uncached.lua http://127.0.0.1:PORT -- PAIRS_FILE [FROM] [LIMIT]
--
-- PAIRS_FILE holds distinct "topic-key<TAB>word" lines (load.sh draws them from the corpus by
-- frequency). Request k is /feed.rss?topic=<key>&q=<word>&limit=<LIMIT, default 50> for line
-- FROM + k (FROM default 1), so with one wrk thread (-t1) no query is ever asked twice and every
-- request is a first render. done() prints "PAIRS_USED <n> <note>" so that the next run can go
-- on from FROM + n; should the file run out, it starts again from line 1 and the note says so.

local paths = {}
local from = 1
local nextIndex = 1
local threads = {}
-- globals, so that done() can read them from each thread with thread:get
used = 0
wrapped = false

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

function setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  local file = assert(args[1], "usage: -- PAIRS_FILE [FROM] [LIMIT]")
  from = tonumber(args[2] or "1")
  local limit = args[3] or "50"
  local f = assert(io.open(file, "r"), "cannot read " .. file)
  for line in f:lines() do
    local topic, word = line:match("^([^\t]+)\t([^\t]+)$")
    if topic then
      paths[#paths + 1] = "/feed.rss?topic=" .. encode(topic) .. "&q=" .. encode(word)
          .. "&limit=" .. limit
    end
  end
  f:close()
  assert(#paths > 0, file .. " holds no pairs")
  nextIndex = from
end

function request()
  if nextIndex > #paths then
    nextIndex = 1
    wrapped = true
  end
  local p = paths[nextIndex]
  nextIndex = nextIndex + 1
  used = used + 1
  return wrk.format("GET", p)
end

function done(summary, latency, requests)
  local n, again = 0, false
  for _, thread in ipairs(threads) do
    n = n + (thread:get("used") or 0)
    again = again or thread:get("wrapped")
  end
  local note = "every query asked once"
  if #threads > 1 then
    note = "several wrk threads: queries may repeat"
  elseif again then
    note = "PAIRS_FILE ran out: some queries were asked again (cache hits)"
  end
  io.write(string.format("PAIRS_USED %d %s\n", n, note))
end
