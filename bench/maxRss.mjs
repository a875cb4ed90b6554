// Preloaded with `node --import ./bench/maxRss.mjs …`: prints the process's peak resident set
// size (getrusage ru_maxrss, KiB) and its CPU time (user + system, µs, all threads) on stderr at
// exit, as "maxRSS <KiB>" and "cpu <µs>".
process.on("exit", () => {
  const usage = process.resourceUsage();
  process.stderr.write(`maxRSS ${usage.maxRSS}\ncpu ${usage.userCPUTime + usage.systemCPUTime}\n`);
});
