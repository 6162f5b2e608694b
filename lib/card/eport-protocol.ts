// The e-port local client's JSON protocol over ws://127.0.0.1:61232, as far as this module uses it.
//
// Request:  {"_method": "cus-sec_…", "_id": 1, "args": {…}}
// Response: {"_id": 1, "_method": "cus-sec_…", "_status": "00",
//            "_args": {"Result": true, "Data": […], "Error": […]}}
// On connect the client greets with {"_id": 0, "_method": "open", "_status": "00", …}, which carries nothing we need.
//
// Method names and the request/response envelope follow the e-port client; the Data layout of the card-info
// methods and the error tokens below are our documented assumptions (mirrored by the development emulator in
// tests/support/card/eport-emulator.ts) until checked against a real client:
//   GET_CARD_ID       Data[0] = card number
//   GET_HOLDER_NAME   Data[0] = holder name
//   GET_ENTERPRISE_ID Data[0] = enterprise customs code
//   GET_CARD_INFO     Data[0] = JSON text {"cardKind": "LEGAL_PERSON" | "OPERATOR"}
//   GET_SIGN_CERT     Data[0] = base64 DER of the signing certificate (the emulator: an SM2 SubjectPublicKeyInfo)
//   VERIFY_PIN        args {passwd}; Data = []
//   SIGN_DATA         args {inData (text, signed as UTF-8), passwd}; Data[0] = base64 signature (raw r‖s, 64 bytes,
//                     or DER), Data[1] = certificate number
// A failure has Result false and Error = [Chinese message, token]; the token "Err:<CardErrorCode>[:<triesLeft>]"
// (e.g. "Err:WRONG_PIN:4", "Err:LOCKED", "Err:NO_CARD") lets the page show the same messages as the other backends.
import { CardError, isCardErrorCode } from "@/lib/card/errors";

export const EPORT_URL = "ws://127.0.0.1:61232";

export const EPORT_METHODS = {
  GET_CARD_ID: "cus-sec_SpcGetCardID",
  GET_HOLDER_NAME: "cus-sec_SpcGetUName",
  GET_ENTERPRISE_ID: "cus-sec_SpcGetEntID",
  GET_CARD_INFO: "cus-sec_SpcGetCardAttachInfo",
  GET_SIGN_CERT: "cus-sec_SpcGetSignCertAsPEM",
  VERIFY_PIN: "cus-sec_SpcVerifyPIN",
  SIGN_DATA: "cus-sec_SpcSignDataAsPEM",
} as const;

export interface EportRequest {
  _method: string;
  _id: number;
  args: Record<string, string>;
}

export interface EportResponse {
  _id: number;
  _method: string;
  _status: string;
  _args: { Result: boolean; Data: string[]; Error: string[] };
}

export function eportErrorArgs(error: CardError): EportResponse["_args"] {
  const token = `Err:${error.code}${error.triesLeft === undefined ? "" : `:${error.triesLeft}`}`;
  return { Result: false, Data: [], Error: [error.message, token] };
}

/** The CardError an e-port failure stands for; unknown failures keep the client's own message as detail. */
export function cardErrorFromEport(errors: string[]): CardError {
  for (const entry of errors) {
    const match = /^Err:([A-Z_]+)(?::(\d+))?$/.exec(entry);
    if (match && isCardErrorCode(match[1])) {
      const triesLeft = match[2] === undefined ? undefined : Number(match[2]);
      return new CardError(match[1], { triesLeft });
    }
  }
  return new CardError("CARD_FAILURE", { detail: errors[0] || undefined });
}
