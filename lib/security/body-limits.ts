// The largest request bodies, defined once (body-limits.json, which next.config.js reads as well): an
// ingestion request (10,000 rows of long names fit; docs/ingestion-api.md) and anything else — sign-in,
// server actions, pages — whose largest real body (a resend of a page of messages, signed) is a few KB.
import limits from "./body-limits.json";

export const INGESTION_MAX_BODY_BYTES: number = limits.ingestionBytes;
export const PORTAL_MAX_BODY_BYTES: number = limits.portalBytes;

export const megabytes = (bytes: number): string => `${bytes / 1024 / 1024} MB`;
