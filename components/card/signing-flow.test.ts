import { describe, expect, it } from "vitest";
import {
  cardRequirement,
  describeCardError,
  isTransportSelectable,
  isValidCardPin,
  stateAfterFailure,
  transportHint,
} from "@/components/card/signing-flow";
import { CardError, type CardInfo, type TransportStatus } from "@/lib/card";

const card: CardInfo = { cardNo: "8600000100001", kind: "LEGAL_PERSON", holder: "张建国", enterpriseCode: "3201931234", publicKeyHex: "04" };

describe("stateAfterFailure", () => {
  it("keeps the card session for another PIN after a wrong one", () => {
    const error = new CardError("WRONG_PIN", { triesLeft: 4 });
    expect(stateAfterFailure({ phase: "busy", step: "verifying", card }, error)).toEqual({ phase: "pin", card, error });
  });

  it("starts over from the transport choice after any other failure", () => {
    for (const code of ["LOCKED", "NO_CARD", "NOT_LEGAL_PERSON", "TRANSPORT"] as const) {
      const error = new CardError(code);
      expect(stateAfterFailure({ phase: "busy", step: "verifying", card }, error)).toEqual({ phase: "select", error });
    }
  });

  it("starts over when reading the card failed, even on a wrong-PIN status", () => {
    const error = new CardError("WRONG_PIN", { triesLeft: 1 });
    expect(stateAfterFailure({ phase: "busy", step: "reading" }, error)).toEqual({ phase: "select", error });
  });
});

// The kinds come with the challenge, from the action's definition (lib/signing/registry.ts).
describe("cardRequirement", () => {
  it("asks for the legal-person card where only it may sign", () => {
    expect(cardRequirement(["LEGAL_PERSON"])).toEqual({ legalPersonOnly: true, prompt: "insertLegalPersonCard" });
  });

  it("accepts either card where the operator card may sign", () => {
    expect(cardRequirement(["LEGAL_PERSON", "OPERATOR"])).toEqual({ legalPersonOnly: false, prompt: "insertAnyCard" });
  });
});

describe("isValidCardPin", () => {
  it("takes exactly 8 digits", () => {
    expect(isValidCardPin("88888888")).toBe(true);
    expect(isValidCardPin("8888888")).toBe(false);
    expect(isValidCardPin("888888888")).toBe(false);
    expect(isValidCardPin("8888888a")).toBe(false);
  });
});

describe("describeCardError", () => {
  it("gives the tries left of a wrong PIN", () => {
    expect(describeCardError(new CardError("WRONG_PIN", { triesLeft: 3 }))).toEqual({
      key: "errors.WRONG_PIN",
      values: { triesLeft: 3 },
      detail: undefined,
    });
  });

  it("words a wrong PIN without a count when the card gave none", () => {
    expect(describeCardError(new CardError("WRONG_PIN")).key).toBe("errors.WRONG_PIN_NO_COUNT");
  });

  it("keeps the transport's technical detail apart from the message", () => {
    const error = new CardError("CARD_FAILURE", { detail: "状态字 6F00" });
    expect(describeCardError(error)).toEqual({ key: "errors.CARD_FAILURE", values: {}, detail: "状态字 6F00" });
    expect(describeCardError(new CardError("LOCKED")).detail).toBeUndefined();
  });
});

describe("transport choice", () => {
  const status = (kind: TransportStatus["kind"], available: boolean, ready: boolean): TransportStatus => ({
    kind,
    available,
    ready,
  });

  it("says whether a transport is ready, needs the device chooser, or is missing", () => {
    expect(transportHint(status("eport", true, true))).toBe("ready");
    expect(transportHint(status("webhid", true, false))).toBe("chooseDevice");
    expect(transportHint(status("eport", false, false))).toBe("notDetected");
    expect(transportHint(status("webusb", false, false))).toBe("unsupported");
  });

  it("keeps an undetected e-port selectable but not a browser API that is missing", () => {
    expect(isTransportSelectable(status("eport", false, false))).toBe(true);
    expect(isTransportSelectable(status("webhid", false, false))).toBe(false);
    expect(isTransportSelectable(status("webhid", true, false))).toBe(true);
  });
});
