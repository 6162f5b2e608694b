// The card info file (SFI 1): BER-TLV with one-byte tags and short-form lengths.
//   80 card number (ASCII)   81 kind (01 legal person, 02 operator)
//   82 holder name (UTF-8)   83 enterprise customs code (ASCII)
import { CardError } from "@/lib/card/errors";
import type { CardHolderInfo, CardKind } from "@/lib/card/signer";

const TAG = { CARD_NO: 0x80, KIND: 0x81, HOLDER: 0x82, ENTERPRISE: 0x83 } as const;
const KIND_CODES: Record<CardKind, number> = { LEGAL_PERSON: 0x01, OPERATOR: 0x02 };

export function encodeCardInfo(info: CardHolderInfo): Uint8Array {
  const utf8 = new TextEncoder();
  const fields: Array<[number, Uint8Array]> = [
    [TAG.CARD_NO, utf8.encode(info.cardNo)],
    [TAG.KIND, new Uint8Array([KIND_CODES[info.kind]])],
    [TAG.HOLDER, utf8.encode(info.holder)],
    [TAG.ENTERPRISE, utf8.encode(info.enterpriseCode)],
  ];
  const bytes: number[] = [];
  for (const [tag, value] of fields) {
    if (value.length > 0x7f) throw new RangeError("card info field too long");
    bytes.push(tag, value.length, ...value);
  }
  return new Uint8Array(bytes);
}

export function decodeCardInfo(bytes: Uint8Array): CardHolderInfo {
  const malformed = () => new CardError("CARD_FAILURE", { detail: "malformed card information" });
  const values = new Map<number, Uint8Array>();
  for (let offset = 0; offset < bytes.length;) {
    const tag = bytes[offset];
    const length = bytes[offset + 1];
    if (length === undefined || length > 0x7f || offset + 2 + length > bytes.length) throw malformed();
    values.set(tag, bytes.subarray(offset + 2, offset + 2 + length));
    offset += 2 + length;
  }
  const text = (tag: number): string => {
    const value = values.get(tag);
    if (!value || value.length === 0) throw malformed();
    return new TextDecoder("utf-8", { fatal: true }).decode(value);
  };
  const kindCode = values.get(TAG.KIND)?.[0];
  const kind = (Object.keys(KIND_CODES) as CardKind[]).find((k) => KIND_CODES[k] === kindCode);
  if (!kind) throw malformed();
  return { cardNo: text(TAG.CARD_NO), kind, holder: text(TAG.HOLDER), enterpriseCode: text(TAG.ENTERPRISE) };
}
