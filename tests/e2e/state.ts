import path from "node:path";

// Per port, so that e2e runs on different ports do not share a database or an inbox.
const port = process.env.E2E_PORT ?? "3100";
export const E2E_STATE_DIR = path.join(process.cwd(), ".data", `e2e-${port}`);
export const E2E_DATABASE_URL_FILE = path.join(E2E_STATE_DIR, "database-url");
