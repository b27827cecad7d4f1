-- wrk script for the election-night readers (bench/election_night.py writes the addresses to
-- bench/results/election_urls.lua, loaded below). Each request picks front page, a live blog,
-- its polling endpoint or the long tail by weight; polls carry the newest cursor this thread
-- has seen for that live blog, as a reader's page would. Counts page-cache hits of pages (HTML)
-- and of polls (JSON), told apart by the answer's type.
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
  local roll = math.random(100)
  local path, headers
  if roll <= 20 then
    path, headers = "/", gzip
  elseif roll <= 35 then
    path, headers = urls.blogs[math.random(#urls.blogs)], gzip
  elseif roll <= 75 then
    local i = math.random(#urls.blogs)
    -- Polls are read by the script, so asked uncompressed (they are tiny).
    path, headers = urls.blogs[i] .. "since/?since=" .. cursors[i], {}
  else
    path, headers = urls.tail[math.random(#urls.tail)], gzip
  end
  return wrk.format("GET", path, headers)
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
