import { describe, expect, it } from "vitest";
import { HID_COMMAND, HID_REPORT_SIZE, HidMessageAssembler, encodeHidMessage } from "@/lib/card/hid-framing";
import { bytesToHex } from "@/lib/crypto/sm2";

const CHANNEL = 0x01020304;
const sequence = (length: number) => Uint8Array.from({ length }, (_, i) => i & 0xff);

describe("HID framing", () => {
  it("puts a short APDU in one zero-padded init report", () => {
    const [report, ...rest] = encodeHidMessage({ channel: CHANNEL, command: HID_COMMAND.APDU, payload: Uint8Array.of(0, 0xa4, 4, 0x0c) });
    expect(rest).toHaveLength(0);
    expect(report).toHaveLength(HID_REPORT_SIZE);
    expect(bytesToHex(report.subarray(0, 12))).toBe("01020304" + "83" + "0004" + "00a4040c" + "00");
  });

  it("splits a long message into an init report and numbered continuations", () => {
    const payload = sequence(200); // 57 + 59 + 59 + 25
    const reports = encodeHidMessage({ channel: CHANNEL, command: HID_COMMAND.APDU, payload });
    expect(reports).toHaveLength(4);
    expect(bytesToHex(reports[0].subarray(0, 8))).toBe("01020304" + "83" + "00c8" + "00");
    expect(reports[0][63]).toBe(56);
    expect(bytesToHex(reports[1].subarray(0, 6))).toBe("01020304" + "00" + "39"); // seq 0, data from byte 57
    expect(bytesToHex(reports[2].subarray(0, 6))).toBe("01020304" + "01" + "74"); // seq 1, data from byte 116
    expect(bytesToHex(reports[3].subarray(0, 6))).toBe("01020304" + "02" + "af"); // seq 2, data from byte 175
    expect(reports[3][5 + 25]).toBe(0); // padding after the last byte
  });

  it("reassembles a response spread over several reports", () => {
    const payload = sequence(74); // a 72-byte signature + 9000: init + one continuation
    const reports = encodeHidMessage({ channel: CHANNEL, command: HID_COMMAND.APDU, payload });
    expect(reports).toHaveLength(2);
    const assembler = new HidMessageAssembler(CHANNEL);
    expect(assembler.push(reports[0])).toBeNull();
    expect(assembler.push(reports[1])).toEqual({ channel: CHANNEL, command: HID_COMMAND.APDU, payload });
  });

  it("ignores reports of other channels", () => {
    const payload = sequence(100);
    const mine = encodeHidMessage({ channel: CHANNEL, command: HID_COMMAND.APDU, payload });
    const theirs = encodeHidMessage({ channel: 0x0a0b0c0d, command: HID_COMMAND.APDU, payload: sequence(3) });
    const assembler = new HidMessageAssembler(CHANNEL);
    expect(assembler.push(theirs[0])).toBeNull();
    expect(assembler.push(mine[0])).toBeNull();
    expect(assembler.push(theirs[0])).toBeNull();
    expect(assembler.push(mine[1])?.payload).toEqual(payload);
  });

  it("rejects continuations out of order or without an init report", () => {
    const reports = encodeHidMessage({ channel: CHANNEL, command: HID_COMMAND.APDU, payload: sequence(200) });
    const assembler = new HidMessageAssembler(CHANNEL);
    assembler.push(reports[0]);
    expect(() => assembler.push(reports[2])).toThrow("HID continuation out of sequence");
    expect(() => new HidMessageAssembler(CHANNEL).push(reports[1])).toThrow("HID continuation without an initial packet");
  });

  it("lets a device accept the first channel that speaks, then sticks to it", () => {
    const assembler = new HidMessageAssembler(null);
    const reports = encodeHidMessage({ channel: 0xffffffff, command: HID_COMMAND.INIT, payload: sequence(8) });
    expect(assembler.push(reports[0])).toMatchObject({ channel: 0xffffffff, command: HID_COMMAND.INIT });
  });
});
