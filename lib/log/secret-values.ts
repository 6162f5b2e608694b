// The configured secrets themselves, scrubbed from every log line whatever key or message they hide in: a
// connection string in an error message, a key pasted into a detail. Redaction by key (logger.ts) is the
// first line; this one catches what a key name cannot.
import type { Config } from "@/lib/config/env";

// Shorter values (e.g. a local development password like "postgres") would blank ordinary words; a password
// inside a connection string is caught by URL_CREDENTIALS whatever its length.
const MIN_SECRET_LENGTH = 12;
const URL_CREDENTIALS = /(\b[a-z][\w+.-]*:\/\/[^:/\s@"]*:)[^@\s/"]+@/gi;

function databasePassword(url: string | undefined): string[] {
  if (!url) return [];
  try {
    const raw = new URL(url).password;
    return raw ? [raw, decodeURIComponent(raw)] : [];
  } catch {
    return [];
  }
}

export function secretValues(config: Pick<Config, "AUTH_SECRET" | "PLATFORM_SM2_PRIVATE_KEY" | "METRICS_TOKEN" | "DATABASE_URL">): string[] {
  const key = config.PLATFORM_SM2_PRIVATE_KEY;
  const values = [config.AUTH_SECRET, config.METRICS_TOKEN, key, key?.toLowerCase(), key?.toUpperCase(), ...databasePassword(config.DATABASE_URL)];
  // As they appear inside a JSON string, too (quotes and backslashes escaped).
  const forms = values.flatMap((value) => (value ? [value, JSON.stringify(value).slice(1, -1)] : []));
  return [...new Set(forms)].filter((value) => value.length >= MIN_SECRET_LENGTH);
}

/** Replaces every occurrence of the secrets, and the password of any URL, in a serialized log line. */
export function scrubSecrets(line: string, secrets: readonly string[]): string {
  const scrubbed = secrets.reduce((text, secret) => (text.includes(secret) ? text.replaceAll(secret, "[redacted]") : text), line);
  return scrubbed.replace(URL_CREDENTIALS, "$1[redacted]@");
}
