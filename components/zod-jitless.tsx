"use client";

// Zod probes `new Function("")` once to decide whether to compile its parsers; the CSP (no 'unsafe-eval')
// refuses it, and the browser reports that as a CSP violation even though zod catches it and falls back.
// Jitless mode skips the probe in the browser; the server keeps the compiled parsers.
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });

export function ZodJitless() {
  return null;
}
