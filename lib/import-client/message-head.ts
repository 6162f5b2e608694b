// Reads the <Head> of a received EmsPushMessage without parsing its (up to megabytes of) body.
import { XMLParser } from "fast-xml-parser";

export interface ReceivedMessageHead {
  messageId: string;
  messageType: string;
  /** Empty in a TEST message. */
  emsNo: string;
}

// Values stay strings: a 20-digit message id is no JavaScript number.
const parser = new XMLParser({ parseTagValue: false, ignoreDeclaration: true });

export function readMessageHead(xml: string): ReceivedMessageHead | null {
  const start = xml.indexOf("<Head>");
  const end = xml.indexOf("</Head>", start);
  if (start < 0 || end < 0) return null;
  try {
    const head = parser.parse(xml.slice(start, end + "</Head>".length)).Head as Record<string, unknown> | undefined;
    const text = (value: unknown) => (typeof value === "string" ? value : "");
    return { messageId: text(head?.MessageId), messageType: text(head?.MessageType), emsNo: text(head?.EmsNo) };
  } catch {
    return null;
  }
}
