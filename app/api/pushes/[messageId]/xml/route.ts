// Download of one of the enterprise's own messages, byte for byte as delivered.
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { ownedBy } from "@/lib/db/tenancy";
import { ZMessageId } from "@/lib/validations/identifiers";

export async function GET(_request: Request, { params }: { params: Promise<{ messageId: string }> }) {
  const user = await getSessionUser();
  if (!user?.enterpriseId) return Response.json({ error: "请先登录企业用户" }, { status: 401 });
  const messageId = ZMessageId.safeParse((await params).messageId);
  if (!messageId.success) return Response.json({ error: messageId.error.issues[0].message }, { status: 400 });
  const message = await db.pushMessage.findFirst({
    where: { ...ownedBy({ enterpriseId: user.enterpriseId }), messageId: messageId.data },
    select: { body: true },
  });
  if (!message) return Response.json({ error: "报文不存在或不属于本企业" }, { status: 404 });
  return new Response(message.body, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${messageId.data}.xml"`,
    },
  });
}
