import { describe, expect, it } from "vitest";
import {
  CCID_MESSAGE_TYPE,
  ccidMessageLength,
  encodeIccPowerOff,
  encodeIccPowerOn,
  encodeReaderReply,
  encodeXfrBlock,
  parseReaderReply,
} from "@/lib/card/ccid";
import { CardError } from "@/lib/card/errors";
import { bytesToHex, hexToBytes } from "@/lib/crypto/sm2";

const DATA_BLOCK = { type: CCID_MESSAGE_TYPE.RDR_TO_PC_DATA_BLOCK, seq: 7 };

describe("PC_to_RDR messages", () => {
  it("frames an APDU in XfrBlock: 6F, dwLength LE, slot, seq, bBWI, wLevelParameter", () => {
    expect(bytesToHex(encodeXfrBlock(0, 7, hexToBytes("00a4040c08f053574341524401")))).toBe(
      "6f" + "0d000000" + "00" + "07" + "000000" + "00a4040c08f053574341524401",
    );
    expect(bytesToHex(encodeXfrBlock(1, 0x1ff, new Uint8Array(300))).slice(0, 20)).toBe("6f" + "2c010000" + "01" + "ff" + "000000");
  });

  it("frames IccPowerOn and IccPowerOff", () => {
    expect(bytesToHex(encodeIccPowerOn(0, 3))).toBe("62000000000003000000");
    expect(bytesToHex(encodeIccPowerOff(0, 4))).toBe("63000000000004000000");
  });
});

describe("RDR_to_PC replies", () => {
  it("parses a DataBlock holding a response APDU", () => {
    const reply = hexToBytes("80040000000007000000" + "01029000");
    expect(ccidMessageLength(reply)).toBe(14);
    expect(parseReaderReply(reply, DATA_BLOCK)).toEqual({ kind: "done", data: hexToBytes("01029000") });
  });

  it("reports a time extension (bmCommandStatus 2) so the host reads again", () => {
    expect(parseReaderReply(hexToBytes("80000000000007800100"), DATA_BLOCK)).toEqual({ kind: "time-extension" });
  });

  it("rejects a reply that does not echo the command's seq, type or length", () => {
    expect(() => parseReaderReply(hexToBytes("80000000000008000000"), DATA_BLOCK)).toThrow("CCID sequence number mismatch");
    expect(() => parseReaderReply(hexToBytes("81000000000007000000"), DATA_BLOCK)).toThrow(CardError);
    expect(() => parseReaderReply(hexToBytes("800500000000070000009000"), DATA_BLOCK)).toThrow("CCID message length mismatch");
  });

  it("maps an absent or mute card to NO_CARD and other failures to TRANSPORT", () => {
    const fail = (status: number, error: number) => encodeReaderReply({ type: DATA_BLOCK.type, slot: 0, seq: 7, status, error });
    expect(() => parseReaderReply(fail(0x42, 0xfe), DATA_BLOCK)).toThrow(expect.objectContaining({ code: "NO_CARD" }));
    expect(() => parseReaderReply(fail(0x41, 0xfe), DATA_BLOCK)).toThrow(expect.objectContaining({ code: "NO_CARD" }));
    expect(() => parseReaderReply(fail(0x40, 0xfb), DATA_BLOCK)).toThrow(expect.objectContaining({ code: "TRANSPORT" }));
  });
});
