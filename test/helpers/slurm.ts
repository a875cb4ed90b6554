/**
 * A real single-node Slurm cluster for tests (Debian's slurm-wlm and munge): a munge daemon (the
 * running one, or one started here), and slurmctld + slurmd from a slurm.conf in a temporary
 * folder with its own state, spool, logs, pid files and ports. stop() ends exactly the daemons
 * start() launched (by pid).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, hostname, tmpdir } from "node:os";
import { join } from "node:path";

export interface SlurmCluster {
  dir: string;
  env: NodeJS.ProcessEnv;
  /** Runs a Slurm client command (sbatch, squeue, …) against this cluster; returns stdout. */
  run(command: string, args: string[]): string;
  stop(): void;
  log(): string;
}

/** Whether the Slurm and munge daemons are installed. */
export function slurmInstalled(): boolean {
  return ["/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/sbin/munged"].every((p) =>
    existsSync(p),
  );
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function pidOf(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Is a munge daemon answering on the default socket? */
function mungeWorks(): boolean {
  const r = spawnSync("sh", ["-c", "munge -n | unmunge"], { encoding: "utf8" });
  return r.status === 0;
}

/**
 * Starts munged (unless one answers already) and a one-node Slurm cluster; waits until the node
 * is idle. Throws with the daemons' logs when they do not come up.
 */
export function startSlurm(): SlurmCluster {
  const dir = mkdtempSync(join(tmpdir(), "betaens-slurm-"));
  const started: number[] = [];
  let mungePidFile: string | undefined;
  if (!mungeWorks()) {
    if (!existsSync("/etc/munge/munge.key")) {
      execFileSync("sh", ["-c", "mungekey --create 2>/dev/null || /usr/sbin/create-munge-key -f"]);
      execFileSync("chown", ["munge:munge", "/etc/munge/munge.key"]);
    }
    mkdirSync("/run/munge", { recursive: true });
    execFileSync("chown", ["munge:munge", "/run/munge"]);
    // As root, munged refuses to start without --force.
    execFileSync("/usr/sbin/munged", ["--force"]);
    mungePidFile = "/run/munge/munged.pid";
    for (let i = 0; i < 50 && !mungeWorks(); i++) sleep(100);
    if (!mungeWorks()) throw new Error("munged did not start");
  }
  const host = hostname().split(".")[0];
  const port = 20000 + (process.pid % 20000);
  for (const sub of ["state", "spool", "log"]) mkdirSync(join(dir, sub));
  const conf = join(dir, "slurm.conf");
  writeFileSync(
    conf,
    `ClusterName=betaenstest
SlurmctldHost=${host}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=${dir}/state
SlurmdSpoolDir=${dir}/spool
SlurmctldPidFile=${dir}/slurmctld.pid
SlurmdPidFile=${dir}/slurmd.pid
SlurmctldLogFile=${dir}/log/slurmctld.log
SlurmdLogFile=${dir}/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
SlurmctldPort=${port}
SlurmdPort=${port + 1}
NodeName=${host} CPUs=${cpus().length} RealMemory=1000 State=UNKNOWN
PartitionName=debug Nodes=${host} Default=YES MaxTime=INFINITE State=UP
`,
  );
  const env = { ...process.env, SLURM_CONF: conf };
  const log = () =>
    ["slurmctld.log", "slurmd.log"]
      .map((f) => {
        const file = join(dir, "log", f);
        return existsSync(file)
          ? `--- ${f}\n${readFileSync(file, "utf8").split("\n").slice(-15).join("\n")}`
          : "";
      })
      .join("\n");
  const stop = () => {
    for (const file of [join(dir, "slurmd.pid"), join(dir, "slurmctld.pid")]) {
      const pid = pidOf(file);
      if (pid !== undefined && alive(pid)) process.kill(pid, "SIGTERM");
    }
    for (const pid of started) if (alive(pid)) process.kill(pid, "SIGTERM");
    if (mungePidFile) {
      const pid = pidOf(mungePidFile);
      if (pid !== undefined && alive(pid)) process.kill(pid, "SIGTERM");
    }
  };
  try {
    execFileSync("/usr/sbin/slurmctld", ["-f", conf], { env });
    execFileSync("/usr/sbin/slurmd", ["-f", conf], { env });
    let state = "";
    for (let i = 0; i < 300; i++) {
      const r = spawnSync("sinfo", ["-h", "-o", "%T"], { env, encoding: "utf8" });
      state = r.stdout.trim();
      if (r.status === 0 && state === "idle") break;
      sleep(200);
    }
    if (state !== "idle")
      throw new Error(`the Slurm node did not become idle (state "${state}")\n${log()}`);
  } catch (error) {
    stop();
    throw error;
  }
  return {
    dir,
    env,
    run: (command, args) => execFileSync(command, args, { env, encoding: "utf8" }),
    stop,
    log,
  };
}
