"use client";

// Last resort when the root layout itself fails; messages are not available here, so Chinese is inline.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: 32, textAlign: "center" }}>
        <h1>系统繁忙，请稍后重试</h1>
        <button onClick={reset}>重试</button>
      </body>
    </html>
  );
}
