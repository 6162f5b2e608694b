// The development/test stand-in for the e-port local client: answers the JSON protocol of
// lib/card/eport-protocol.ts from the virtual card in a slot, through the same APDUs as the other backends.
// Transport-independent; tests/support/eport-server.ts puts it behind a WebSocket.
import { type ApduChannel, CardSession } from "@/lib/card/card-session";
import { bytesToBase64, sm2PublicKeyToSpki } from "@/lib/card/certificate";
import { CardError, toCardError } from "@/lib/card/errors";
import { EPORT_METHODS, type EportRequest, type EportResponse, eportErrorArgs } from "@/lib/card/eport-protocol";
import { type VirtualCardSlot, openVirtualCardChannel } from "@/lib/card/virtual-card";
import { hexToBytes, sm2SignatureDerToRaw, sm2SigningDigest } from "@/lib/crypto/sm2";

export const EPORT_GREETING: EportResponse = {
  _id: 0,
  _method: "open",
  _status: "00",
  _args: { Result: true, Data: [], Error: [] },
};

/** Answers one request. Like the real client, every call opens the card afresh (so the PIN comes with each signing). */
export async function answerEportRequest(slot: VirtualCardSlot, request: EportRequest): Promise<EportResponse> {
  const reply = (args: EportResponse["_args"]): EportResponse => ({
    _id: request._id,
    _method: request._method,
    _status: "00",
    _args: args,
  });
  let channel: ApduChannel;
  try {
    channel = openVirtualCardChannel(slot);
  } catch (error) {
    return reply(eportErrorArgs(toCardError(error)));
  }
  try {
    const data = await runMethod(new CardSession(channel), request);
    return reply({ Result: true, Data: data, Error: [] });
  } catch (error) {
    return reply(eportErrorArgs(toCardError(error, "CARD_FAILURE")));
  } finally {
    await channel.close();
  }
}

async function runMethod(session: CardSession, { _method, args }: EportRequest): Promise<string[]> {
  await session.selectApplication();
  switch (_method) {
    case EPORT_METHODS.GET_CARD_ID:
      return [(await session.readCardInfo()).cardNo];
    case EPORT_METHODS.GET_HOLDER_NAME:
      return [(await session.readCardInfo()).holder];
    case EPORT_METHODS.GET_ENTERPRISE_ID:
      return [(await session.readCardInfo()).enterpriseCode];
    case EPORT_METHODS.GET_CARD_INFO:
      return [JSON.stringify({ cardKind: (await session.readCardInfo()).kind })];
    case EPORT_METHODS.GET_SIGN_CERT:
      return [bytesToBase64(sm2PublicKeyToSpki(await session.readPublicKey()))];
    case EPORT_METHODS.VERIFY_PIN:
      await session.verifyPin(args?.passwd ?? "");
      return [];
    case EPORT_METHODS.SIGN_DATA: {
      const { cardNo } = await session.readCardInfo();
      const publicKey = await session.readPublicKey();
      await session.verifyPin(args?.passwd ?? "");
      const der = await session.signDigest(sm2SigningDigest(publicKey, args?.inData ?? ""));
      return [bytesToBase64(hexToBytes(sm2SignatureDerToRaw(der))), cardNo];
    }
    default:
      throw new CardError("NOT_SUPPORTED", { detail: _method });
  }
}
