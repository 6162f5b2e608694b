// CPU time of the benchmark's processes from their own kernel counters, so that a figure per message stays
// comparable on a loaded machine (wall-clock throughput does not). Linux /proc/<pid>/stat: utime and stime,
// plus cutime and cstime, where the kernel adds the CPU of children already reaped (PostgreSQL's backends
// come and go with their connections; the postmaster reaps them).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

interface ProcStat {
  ppid: number;
  /** utime + stime, ms */
  ownMs: number;
  /** cutime + cstime, ms */
  reapedChildrenMs: number;
}

function readStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null; // ended meanwhile
  }
  // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ")".
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const ms = (index: number) => (Number(fields[index]) * 1000) / TICKS_PER_SECOND;
  return { ppid: Number(fields[1]), ownMs: ms(11) + ms(12), reapedChildrenMs: ms(13) + ms(14) };
}

/** CPU milliseconds used so far by one process (all its threads). */
export function processCpuMs(pid: number): number {
  const stat = readStat(pid);
  if (!stat) throw new Error(`no process ${pid}`);
  return stat.ownMs;
}

/** CPU milliseconds used so far by a process and all its descendants, living or reaped. */
export function processTreeCpuMs(rootPid: number): number {
  const stats = new Map<number, ProcStat>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.set(Number(entry), stat);
  }
  if (!stats.has(rootPid)) throw new Error(`no process ${rootPid}`);
  const inTree = (pid: number): boolean => {
    for (let current = pid; current > 1; current = stats.get(current)?.ppid ?? 0) if (current === rootPid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, stat] of stats) if (inTree(pid)) total += stat.ownMs + stat.reapedChildrenMs;
  return total;
}

/** CPU of this process (the benchmark itself), ms. */
export const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

export type CpuCounters = Record<string, () => number>;

/** Starts counting: the returned function gives each counter's CPU milliseconds since the start. */
export function startCpuCount<T extends CpuCounters>(counters: T): () => Record<keyof T, number> {
  const before = Object.fromEntries(Object.entries(counters).map(([name, read]) => [name, read()]));
  return () => Object.fromEntries(Object.entries(counters).map(([name, read]) => [name, read() - before[name]])) as Record<keyof T, number>;
}

/** `openssl speed sm2`'s signing time, ms per signature (its own timing of one core), or null without SM2. */
export function opensslSm2SignMs(seconds = 2): number | null {
  try {
    const output = execFileSync("openssl", ["speed", "-seconds", String(seconds), "sm2"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    // "256 bits SM2 (CurveSM2)   0.0003s   0.0003s   3012.6   3508.6": sign/s is the first rate after the times.
    const match = /SM2 \(CurveSM2\)\s+\S+s\s+\S+s\s+([\d.]+)\s+([\d.]+)/.exec(output);
    return match ? 1000 / Number(match[1]) : null;
  } catch {
    return null;
  }
}
