// Bearer tokens of upstream customs systems (R19): random, shown once, stored only as their SM3 digest, so a
// copy of the database does not let anyone feed manuals.
import { randomBytes } from "node:crypto";
import { sm3Hex } from "@/lib/crypto/sm2";
import type { Db } from "@/lib/db/client";

const TOKEN_PREFIX = "swu_";

export const hashUpstreamToken = (token: string): string => sm3Hex(token);

export function newUpstreamToken(): { token: string; tokenHash: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashUpstreamToken(token) };
}

/** The upstream system an `Authorization: Bearer <token>` header belongs to, or null. */
export async function authenticateUpstream(options: { db: Db; request: Request }): Promise<{ id: number; name: string } | null> {
  const match = /^Bearer\s+(\S{1,256})$/i.exec(options.request.headers.get("authorization")?.trim() ?? "");
  if (!match) return null;
  return options.db.upstreamSystem.findUnique({ where: { tokenHash: hashUpstreamToken(match[1]) }, select: { id: true, name: true } });
}

/** Registers a system, or with `rotate` replaces its token; returns the token to hand over once. */
export async function registerUpstreamSystem(options: { db: Db; name: string; rotate?: boolean }): Promise<{ token: string; rotated: boolean }> {
  const { token, tokenHash } = newUpstreamToken();
  const existing = await options.db.upstreamSystem.findUnique({ where: { name: options.name }, select: { id: true } });
  if (existing && !options.rotate) throw new Error(`上游系统 ${options.name} 已登记；如需更换令牌请加 --rotate`);
  await options.db.upstreamSystem.upsert({ where: { name: options.name }, create: { name: options.name, tokenHash }, update: { tokenHash } });
  return { token, rotated: Boolean(existing) };
}
