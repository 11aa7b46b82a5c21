// The Next.js server as one process, or as WEB_CONCURRENCY processes sharing one port (node:cluster:
// the launcher's process accepts connections and hands them to the workers in turn). The processes
// are stateless (sessions are signed cookies, everything else is in PostgreSQL), each with its own
// small connection pool (GD_DB_POOL_MAX). A worker that dies while the app is running is replaced.
import { type ChildProcess, spawn } from "node:child_process";
import cluster, { type Worker } from "node:cluster";
import path from "node:path";

export interface WebProcesses {
  /** Resolves with the exit code once every process has exited. */
  exited: Promise<number>;
  /** Forwards a stop signal to every process. */
  stop(signal: NodeJS.Signals): void;
  /** Whether any process is still running. */
  running(): boolean;
}

/** Connections per process: the database's budget (about 20 for the app) shared out, at least 2. */
export function poolPerProcess(processes: number, total = 20): number {
  return Math.max(2, Math.floor(total / processes));
}

export function startWeb(options: {
  root: string;
  dev: boolean;
  port: string;
  host: string;
  processes: number;
  log: (message: string) => void;
}): WebProcesses {
  const nextBin = path.join(options.root, "node_modules", ".bin", "next");
  const args = [options.dev ? "dev" : "start", "-p", options.port, "-H", options.host];
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (options.dev || options.processes <= 1) {
    const child: ChildProcess = spawn(nextBin, args, { stdio: "inherit", env });
    return {
      exited: new Promise<number>((resolve) =>
        child.on("exit", (code, signal) => resolve(code ?? (signal ? 0 : 1))),
      ),
      stop: (signal) => {
        if (child.exitCode === null) child.kill(signal);
      },
      running: () => child.exitCode === null,
    };
  }

  cluster.setupPrimary({
    exec: path.join(options.root, "node_modules", "next", "dist", "bin", "next"),
    args,
    execArgv: [],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const workerEnv = {
    ...env,
    GD_DB_POOL_MAX: process.env.GD_DB_POOL_MAX ?? String(poolPerProcess(options.processes)),
  };
  let stopping = false;
  let lastCode = 0;
  const workers = new Set<Worker>();
  let resolveExited: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (resolveExited = resolve));
  const fork = () => {
    const worker = cluster.fork(workerEnv);
    const startedAt = Date.now();
    workers.add(worker);
    worker.on("exit", (code, signal) => {
      workers.delete(worker);
      if (!stopping && Date.now() - startedAt > 10_000) {
        options.log(`A web process exited (${signal ?? `code ${code}`}); starting another.`);
        fork();
        return;
      }
      if (!stopping) {
        // It died during start-up: a broken build or configuration, not a crash to paper over.
        lastCode = code || 1;
        stopping = true;
        for (const other of workers) other.process.kill("SIGTERM");
      }
      if (workers.size === 0) resolveExited(lastCode);
    });
  };
  for (let i = 0; i < options.processes; i++) fork();
  options.log(
    `${options.processes} web processes on port ${options.port}, ${workerEnv.GD_DB_POOL_MAX} database connections each.`,
  );
  return {
    exited,
    stop: (signal) => {
      stopping = true;
      for (const worker of workers) worker.process.kill(signal);
    },
    running: () => workers.size > 0,
  };
}
