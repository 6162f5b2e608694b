// Requests of 导入客户端管理; the same schemas check the forms in the browser and the signed actions.
import { z } from "zod";
import { ZAfterInteger } from "./page-params";
import { ZCardNo, ZClientId, ZMessageId } from "./identifiers";

export const ZClientName = z.string().trim().min(1, "importClients.nameRequired").max(50, "importClients.nameTooLong");

/** http(s) only, no credentials in the address; where it may point is checked on the server (endpoint-policy.ts). */
export const ZEndpointUrl = z
  .string()
  .trim()
  .min(1, "importClients.endpointRequired")
  .max(500, "importClients.endpointTooLong")
  .superRefine((value, ctx) => {
    const url = parseUrl(value);
    if (!url) return ctx.addIssue({ code: "custom", message: "importClients.endpointFormat" });
    if (url.protocol !== "http:" && url.protocol !== "https:") ctx.addIssue({ code: "custom", message: "importClients.endpointScheme" });
    if (url.username || url.password) ctx.addIssue({ code: "custom", message: "importClients.endpointCredentials" });
  });

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

export const ZRegisterClientRequest = z.object({ name: ZClientName, endpointUrl: ZEndpointUrl });
export type TRegisterClientRequest = z.infer<typeof ZRegisterClientRequest>;

export const ZBindCardRequest = z.object({ clientId: ZClientId, cardNo: ZCardNo });
export type TBindCardRequest = z.infer<typeof ZBindCardRequest>;

export const ZEndpointRequest = z.object({ clientId: ZClientId, endpointUrl: ZEndpointUrl });
export type TEndpointRequest = z.infer<typeof ZEndpointRequest>;

/** Unbind, resume and 发送测试报文: just the client. */
export const ZClientRequest = z.object({ clientId: ZClientId });
export type TClientRequest = z.infer<typeof ZClientRequest>;

export const ZTestMessageStatusRequest = z.object({ messageId: ZMessageId });

/** The list's query string; anything malformed means the first page. */
export const ZClientListQuery = z.object({
  after: ZAfterInteger,
  /** Row number of the page's first row (序号 continues across pages). */
  from: z.coerce.number().int().positive().optional().catch(undefined),
});
export type TClientListQuery = z.infer<typeof ZClientListQuery>;
