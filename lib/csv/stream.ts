// A CSV download that never holds more than one batch of rows: each pull of the stream reads the next batch,
// so memory stays flat however many rows there are, and a slow client slows the reads (back-pressure).
import { csvLine, type CsvValue } from "./encode";

/** UTF-8 byte order mark: without it Excel reads UTF-8 Chinese as mojibake. */
const UTF8_BOM = "\uFEFF";

export function csvStream(options: { header: string[]; batches: AsyncIterator<CsvValue[][]> }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(UTF8_BOM + csvLine(options.header)));
      },
      async pull(controller) {
        const next = await options.batches.next();
        if (next.done) return controller.close();
        controller.enqueue(encoder.encode(next.value.map(csvLine).join("")));
      },
      async cancel() {
        await options.batches.return?.(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

/** RFC 5987 ext-value: encodeURIComponent leaves ' ( ) * ! unescaped, which attr-char does not allow but for "!". */
const extValue = (text: string) => `UTF-8''${encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;

/** `attachment` with the UTF-8 file name (RFC 6266) and an ASCII fallback, a quoted-string, for old clients. */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback.replace(/["\\]/g, "_")}"; filename*=${extValue(fileName)}`;
}
