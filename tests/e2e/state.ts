import path from "node:path";

export const E2E_STATE_DIR = path.join(process.cwd(), ".data", "e2e");
export const E2E_DATABASE_URL_FILE = path.join(E2E_STATE_DIR, "database-url");
