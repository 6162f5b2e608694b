import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);

// Debian's Chromium, never a downloaded browser; flags keep it off the (closed) network.
// SCREENSHOTS=1 (npm run screenshots) renders docs/screens instead of running the specs.
const screenshots = process.env.SCREENSHOTS === "1";

export default defineConfig({
  testDir: screenshots ? "tests/screenshots" : "tests/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "zh-CN",
    viewport: screenshots ? { width: 1440, height: 900 } : undefined,
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: "node_modules/.bin/tsx tests/e2e/server.ts",
    url: `http://localhost:${PORT}/login`,
    env: { E2E_PORT: String(PORT) },
    // E2E_REUSE_SERVER=1: run specs against an e2e server started by hand (tsx tests/e2e/server.ts).
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
    timeout: 600_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
