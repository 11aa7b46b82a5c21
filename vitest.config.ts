import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": here(".") } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        // Server modules import "server-only", which throws outside React server bundles.
        resolve: { alias: { "server-only": here("tests/integration/server-only-stub.ts") } },
        test: {
          name: "integration",
          // next-auth imports "next/server" without an extension, which Node's ESM loader refuses;
          // bundling it through Vite resolves it (for the session and proxy tests).
          server: { deps: { inline: ["next-auth"] } },
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          // One database for the suite; files run one after another on this 2-core machine.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
