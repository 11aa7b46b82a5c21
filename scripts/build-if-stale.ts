// Builds the Next.js app when there is no build yet or a source file is newer than the last build.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { DIRECT_ROUTES_BUNDLE } from "./build-direct-routes";

const SOURCES = [
  "app",
  "components",
  "lib",
  "types",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "package-lock.json",
  "tsconfig.json",
];

function newestSource(root: string): number {
  let newest = 0;
  const visit = (target: string) => {
    if (!existsSync(target)) return;
    const stat = statSync(target);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(target)) if (entry !== "node_modules") visit(path.join(target, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of SOURCES) visit(path.join(root, entry));
  return newest;
}

/** The routes the app's server answers before Next.js, bundled from this build's sources. */
function bundleDirectRoutes(root: string): boolean {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", path.join(root, "scripts", "build-direct-routes.ts")],
    { stdio: "inherit", cwd: root },
  );
  return result.status === 0;
}

/** Returns false when the build failed. */
export function buildIfStale(log: (message: string) => void, root = process.cwd()): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const bundle = path.join(root, DIRECT_ROUTES_BUNDLE);
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= newestSource(root)) {
    if (existsSync(bundle) && statSync(bundle).mtimeMs >= statSync(buildId).mtimeMs) return true;
    return bundleDirectRoutes(root);
  }
  log(existsSync(buildId) ? "Sources changed since the last build: building." : "No build yet: building.");
  const result = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  return result.status === 0 && bundleDirectRoutes(root);
}
