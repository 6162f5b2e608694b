// The server actions and API routes as Next.js sees them, enumerated from the source tree at test time: every
// module beginning with "use server" under lib/actions and app (and each function it exports), and every
// app/api/**/route.ts (and each HTTP method it exports). Suites key their case tables by "file#export" and
// compare them with this list, so a new action or route without a case fails the suite.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export type Endpoint = (...args: never[]) => unknown;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => path.join(dir, file).split(path.sep).join("/"));
}

/** The directive must be the module's first statement; only comments may precede it. */
const LEADING_COMMENTS = /^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/;
const isServerActionModule = (file: string) => /^["']use server["']/.test(readFileSync(file, "utf8").replace(LEADING_COMMENTS, ""));

export const serverActionFiles = (): string[] => [...sourceFiles("lib/actions"), ...sourceFiles("app")].filter(isServerActionModule).sort();

export const routeFiles = (): string[] =>
  sourceFiles("app/api")
    .filter((file) => file.endsWith("/route.ts"))
    .sort();

/** "file#export" → the function, for every server action and every route method. */
export async function enumerateEndpoints(): Promise<Map<string, Endpoint>> {
  const endpoints = new Map<string, Endpoint>();
  for (const file of serverActionFiles()) {
    const exports = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value === "function") endpoints.set(`${file}#${name}`, value as Endpoint);
    }
  }
  for (const file of routeFiles()) {
    const exports = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (HTTP_METHODS.has(name) && typeof value === "function") endpoints.set(`${file}#${name}`, value as Endpoint);
    }
  }
  return endpoints;
}
