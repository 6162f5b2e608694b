// A secret from standard input: typed at a terminal without echo, or the first line of a pipe.
import { createInterface } from "node:readline";

export function readSecret(prompt: string): Promise<string> {
  return process.stdin.isTTY ? readHidden(prompt) : readFirstLine();
}

function readFirstLine(): Promise<string> {
  return new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    let first: string | undefined;
    lines.once("line", (line) => {
      first = line;
      lines.close();
    });
    lines.once("close", () => resolve(first ?? ""));
  });
}

function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let secret = "";
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(secret);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString("utf8")) {
        if (char === "\r" || char === "\n") return done();
        if (char === "\u0003") return done(new Error("已取消"));
        if (char === "\u007f" || char === "\b") secret = [...secret].slice(0, -1).join("");
        else if (char >= " ") secret += char;
      }
    };
    stdin.on("data", onData);
  });
}
