-- The same page with a new tracking query on every request (utm_source, fbclid, r): the cache-busting
-- load. Reports like report.lua.
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "report.lua")
math.randomseed(os.time())
request = function()
  local n = math.random(1, 2000000000)
  return wrk.format("GET", wrk.path .. "?utm_source=s" .. n .. "&fbclid=f" .. n .. "&r=" .. n)
end
