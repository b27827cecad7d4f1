-- wrk script for the election night's polling-only run: every request polls one of the live
-- blogs with the newest cursor this thread has seen for it (see bench/election.lua).
dofile(os.getenv("ELECTION_URLS"))

local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

function init(args)
  math.randomseed(os.time() + id)
  cursors = {}
  for i, cursor in ipairs(urls.cursors) do cursors[i] = cursor end
  hits = {page = 0, poll = 0}
  totals = {page = 0, poll = 0}
end

local gzip = {["Accept-Encoding"] = "gzip, deflate, br"}

function request()
  local i = math.random(#urls.blogs)
  return wrk.format("GET", urls.blogs[i] .. "since/?since=" .. cursors[i], {})
end

function response(status, headers, body)
  local kind = "page"
  if (headers["Content-Type"] or ""):find("json") then kind = "poll" end
  totals[kind] = totals[kind] + 1
  if headers["X-Page-Cache"] == "hit" then hits[kind] = hits[kind] + 1 end
  if kind == "poll" and status == 200 then
    local cursor = body:match('"cursor": (%d+)')
    local blog = body:match('href=\\"([^"\\]-)updates/')  -- inside a JSON string
    if cursor and blog then
      for i, url in ipairs(urls.blogs) do
        if url == blog and tonumber(cursor) > tonumber(cursors[i]) then cursors[i] = cursor end
      end
    end
  end
end

function done(summary, latency, requests)
  local all = {page = {0, 0}, poll = {0, 0}}
  for _, thread in ipairs(threads) do
    local h, t = thread:get("hits"), thread:get("totals")
    for kind, pair in pairs(all) do
      pair[1] = pair[1] + h[kind]
      pair[2] = pair[2] + t[kind]
    end
  end
  for kind, pair in pairs(all) do
    io.write(string.format("KIND %s %d %d\n", kind, pair[1], pair[2]))
  end
end
