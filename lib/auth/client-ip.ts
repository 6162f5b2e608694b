// The client's IP for audit entries and the per-IP sign-in limit. The last X-Forwarded-For entry is the one
// the nearest proxy added (nginx's $proxy_add_x_forwarded_for appends; Next.js fills the header from the
// socket only when it is absent), whereas earlier entries are whatever the client chose to send.
export function clientIp(headers: Headers): string | null {
  const last = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return last ? last.slice(0, 64) : null;
}
