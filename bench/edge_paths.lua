-- wrk: each request asks for one of the addresses in the file BENCH_PATHS names, at random.
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  paths[#paths + 1] = line
end
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
