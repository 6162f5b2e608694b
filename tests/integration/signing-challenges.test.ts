// Signing challenges (lib/signing/challenge.ts) on the real database: at most SIGNING_CHALLENGES_PER_MINUTE per
// user, counted in PostgreSQL so that concurrent requests (several web instances) cannot pass it, a refusal
// writes nothing; the worker's job prunes only expired challenges and consumed ones older than the window.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { pruneSigningChallengesJob } from "@/lib/jobs/definitions/prune-signing-challenges";
import { sendJob, stopSender } from "@/lib/jobs/send";
import { startWorker } from "@/lib/jobs/worker";
import { issueChallenge } from "@/lib/signing/challenge";
import { createEnterprise } from "../support/factories";
import { jobState } from "../support/job-state";
import { waitFor } from "../support/push-harness";

type Fixture = Awaited<ReturnType<typeof createEnterprise>>;
const content = {
  action: "CANCEL",
  enterprise: "3201931234",
  statement: "取消 订阅记录 1（账册号 E32012500001）的增量数据订阅",
  payload: { subscriptionId: 1 },
};
const issue = (fixture: Fixture, now?: Date) => issueChallenge({ db, userId: fixture.user.id, content, now });
const challengesOf = (fixture: Fixture) => db.signingChallenge.count({ where: { userId: fixture.user.id } });

let limit: string | undefined;
beforeAll(() => {
  limit = process.env.SIGNING_CHALLENGES_PER_MINUTE;
  process.env.SIGNING_CHALLENGES_PER_MINUTE = "20";
});
afterEach(async () => {
  process.env.SIGNING_CHALLENGES_PER_MINUTE = "20";
});
afterAll(async () => {
  process.env.SIGNING_CHALLENGES_PER_MINUTE = limit;
  await stopSender();
});

describe("challenges per user and minute", () => {
  test("the 21st within a minute is refused with a clear message and writes no challenge; a minute later it passes", async () => {
    const f = await createEnterprise(db);
    const t0 = new Date();
    for (let i = 0; i < 20; i++) await issue(f, new Date(t0.getTime() + i * 1_000));
    await expect(issue(f, new Date(t0.getTime() + 30_000))).rejects.toMatchObject({
      code: "RULE_VIOLATION",
      refusal: { key: "signing.tooFrequent" },
    });
    expect(await challengesOf(f)).toBe(20);

    // Another user is not held back by this one.
    const other = await createEnterprise(db);
    await expect(issue(other, new Date(t0.getTime() + 30_000))).resolves.toMatchObject({ challengeId: expect.any(String) });
    // Once the first ones are older than a minute, new ones pass again.
    await expect(issue(f, new Date(t0.getTime() + 60_500))).resolves.toMatchObject({ challengeId: expect.any(String) });
    expect(await challengesOf(f)).toBe(21);
  });

  test("30 concurrent requests (as from several web instances) issue exactly 20", async () => {
    const f = await createEnterprise(db);
    const results = await Promise.allSettled(Array.from({ length: 30 }, () => issue(f)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(20);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.message)).toEqual(
      Array(10).fill("signing.tooFrequent"),
    );
    expect(await challengesOf(f)).toBe(20);
  });
});

describe("pruning", () => {
  test("the worker's job removes only expired challenges and consumed ones older than the window", async () => {
    const f = await createEnterprise(db);
    const now = Date.now();
    const at = (seconds: number) => new Date(now + seconds * 1_000);
    const row = (name: string, createdAt: Date, expiresAt: Date, consumedAt: Date | null) => ({
      id: `00000000-0000-4000-8000-${String(f.user.id).padStart(6, "0")}${name}`,
      userId: f.user.id,
      action: "CANCEL",
      payloadDigest: "0".repeat(64),
      createdAt,
      expiresAt,
      consumedAt,
    });
    await db.signingChallenge.createMany({
      data: [
        row("000001", at(-3_600), at(-3_480), null), // expired, never used
        row("000002", at(-3_600), at(-3_480), at(-3_590)), // expired, used
        row("000003", at(-90), at(30), at(-80)), // used, older than the window
        row("000004", at(-10), at(110), at(-5)), // used just now: still counts towards the limit
        row("000005", at(-30), at(90), null), // live
      ],
    });

    const worker = await startWorker({ databaseUrl: process.env.DATABASE_URL! });
    try {
      const jobId = await sendJob(pruneSigningChallengesJob, {});
      expect(
        await waitFor(
          () => jobState(db, jobId),
          (state) => state === "completed",
        ),
      ).toBe("completed");
    } finally {
      await worker.stop(5_000);
    }
    const left = await db.signingChallenge.findMany({ where: { userId: f.user.id }, orderBy: { id: "asc" }, select: { id: true } });
    expect(left.map((c) => c.id.slice(-6))).toEqual(["000004", "000005"]);
  });
});
