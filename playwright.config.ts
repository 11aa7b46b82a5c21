// Browser tests: Debian's Chromium (never a downloaded browser) against the built app, started by
// the same launcher as `npm start`. Run through `npm run test:e2e`, which prepares the database.
import { defineConfig } from "@playwright/test";

const port = process.env.E2E_PORT ?? "3100";
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "node --import tsx --conditions=react-server scripts/start.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: port,
      HOST: "127.0.0.1",
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      GD_DATA_DIR: process.env.E2E_DATA_DIR ?? ".data/e2e",
      GD_DEMO: "1",
      // The flows sign in many times from one address; the limits themselves are tested in integration.
      GD_SIGNIN_MAX_PER_ACCOUNT: "1000",
      GD_SIGNIN_MAX_PER_ADDRESS: "1000",
      GD_SIGNUP_MAX_PER_ADDRESS: "1000",
      NEXT_TELEMETRY_DISABLED: "1",
      // POST /api/test/clock moves the server clock (refused without this, and always in production).
      GD_TEST_CLOCK: "1",
    },
  },
});
