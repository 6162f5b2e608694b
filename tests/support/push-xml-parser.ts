// Reads a push message's XML as the tests compare it: every value as the text it is, rows always as arrays.
import { XMLParser } from "fast-xml-parser";

export const pushXmlParser = new XMLParser({
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => name === "NemsImg" || name === "NemsExg",
});
