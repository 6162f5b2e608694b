// Points every module of an integration test file at the run's database before anything imports lib/db.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
