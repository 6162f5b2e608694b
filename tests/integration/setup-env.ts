// Points every module of an integration test file at the run's database before anything imports lib/db.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
// Fuzzing and isolation tests sign hundreds of requests as one user within a minute; the limit's own test
// (signing-challenges.test.ts) sets its value.
process.env.SIGNING_CHALLENGES_PER_MINUTE ??= "10000";
