// Download of any enterprise's message for customs admins (R18), byte for byte as delivered.
import { authorizeAdminRoute } from "@/lib/auth/admin-route";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { renderRefusal } from "@/lib/i18n/refusal";
import { localeOf } from "@/lib/i18n/translator";
import { ZMessageId } from "@/lib/validations/identifiers";
import { issueRefusal } from "@/lib/validations/issue-refusal";

export async function GET(request: Request, { params }: { params: Promise<{ messageId: string }> }) {
  const authorized = await authorizeAdminRoute({ user: await getSessionUser(), request, route: "push-message-xml" });
  if ("refusal" in authorized) return authorized.refusal;
  const messageId = ZMessageId.safeParse((await params).messageId);
  if (!messageId.success) return Response.json({ error: renderRefusal(issueRefusal(messageId.error.issues[0]), localeOf(request)) }, { status: 400 });
  const message = await db.pushMessage.findUnique({ where: { messageId: messageId.data }, select: { body: true } });
  if (!message) return new Response(null, { status: 404 });
  return new Response(message.body, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${messageId.data}.xml"`,
      "Cache-Control": "no-store",
    },
  });
}
