// Next.js start-up hook: the web server checks its configuration once and stops, naming the variable, if
// anything is missing or invalid (lib/config/env.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkConfig } = await import("./lib/config/env");
  checkConfig("web");
}
