// Whether an error message is fit for the user: Chinese, and nothing of the machinery behind it (a stack
// trace, zod's or Prisma's English, a JavaScript value's name). Returns why not, or null when it is.
const CJK = /[\u3400-\u9fff]/;
const LEAKS: [RegExp, string][] = [
  [/\n\s*at\s/, "a stack trace"],
  [/Invalid input|expected|received|Too (big|small)|Unrecognized key/i, "zod's English"],
  [/prisma|invalid `|Unique constraint|out of range/i, "a database error"],
  [/\b(undefined|null|NaN|\[object Object\]|TypeError|SyntaxError)\b/, "a JavaScript value or error name"],
];

export function unreadableReason(message: unknown): string | null {
  if (typeof message !== "string" || message.trim() === "") return "no message";
  if (!CJK.test(message)) return "no Chinese";
  for (const [pattern, what] of LEAKS) if (pattern.test(message)) return `shows ${what}`;
  return null;
}
