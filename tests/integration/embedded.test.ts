// The embedded PostgreSQL: data survives a restart, an orphan left by a killed process is stopped
// and replaced, and a folder the postgres user cannot reach is swapped for one it can.
import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, reachableBy, resolveBaseDir, scratchDir, startEmbedded } from "@/lib/server/db/embedded";
import { withClient } from "./database";

const dir = scratchDir("gd-embedded-life-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function startInChild(baseDir: string, port: number): Promise<{ pid: number; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "node_modules/.bin/tsx",
      ["tests/integration/fixtures/start-embedded.ts", baseDir, String(port)],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    child.stdout.on("data", (chunk: Buffer) => {
      const match = /READY (\d+) (\S+)/.exec(chunk.toString());
      // The pid printed is the process that owns the server (tsx runs the script in a child).
      if (match) resolve({ pid: Number(match[1]), url: match[2]! });
    });
    child.on("exit", (code) => reject(new Error(`the child exited with ${code}`)));
  });
}

describe("embedded PostgreSQL", () => {
  it("keeps its data across a stop and a start", async () => {
    const baseDir = path.join(dir, "restart");
    const first = await startEmbedded({ baseDir, port: await freePort(), log: () => {} });
    await withClient(first.url, (c) =>
      c.query("CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')"),
    );
    await first.stop();
    const second = await startEmbedded({ baseDir, port: await freePort(), log: () => {} });
    try {
      const rows = await withClient(second.url, (c) => c.query<{ note: string }>("SELECT note FROM kept"));
      expect(rows.rows).toEqual([{ note: "still here" }]);
    } finally {
      await second.stop();
    }
  });

  it("stops an orphaned server left by a killed process, then starts normally", async () => {
    const baseDir = path.join(dir, "orphan");
    const port = await freePort();
    const child = await startInChild(baseDir, port);
    process.kill(child.pid, "SIGKILL");
    // The killed process's server still answers: it is an orphan now.
    await withClient(child.url, (c) => c.query("SELECT 1"));

    const messages: string[] = [];
    const db = await startEmbedded({ baseDir, port: await freePort(), log: (m) => messages.push(m) });
    try {
      expect(messages.join("\n")).toMatch(/Stopping an orphaned database server/);
      await withClient(db.url, (c) => c.query("SELECT 1"));
    } finally {
      await db.stop();
    }
  });

  it("uses a folder the postgres user can reach when the project folder is private", () => {
    const privateHome = path.join(dir, "home");
    mkdirSync(privateHome);
    chmodSync(privateHome, 0o700);
    const postgresUser = { uid: 4242424, gid: 4242424, groups: [4242424] };
    const wanted = path.join(privateHome, "project", ".data", "postgres");
    expect(reachableBy(postgresUser, wanted)).toBe(false);
    const resolved = resolveBaseDir(wanted, postgresUser);
    expect(resolved.baseDir).not.toContain(privateHome);
    expect(reachableBy(postgresUser, resolved.baseDir)).toBe(true);
    expect(resolved.note).toContain(`keeps its data in ${resolved.baseDir}`);
    // A reachable folder is used as it is.
    expect(resolveBaseDir(path.join(dir, "open", "postgres"), postgresUser)).toEqual({
      baseDir: path.join(dir, "open", "postgres"),
    });
  });
});
