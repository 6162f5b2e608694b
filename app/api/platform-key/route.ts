// GET /api/platform-key: the platform's SM2 public key that signs every push (public, no session), for
// import clients to verify X-SW-Signature (docs/delivery-protocol.md). `?format=pem` returns the PEM alone.
import { SM2_DEFAULT_USER_ID } from "@/lib/crypto/sm2";
import { getPlatformKeyPair } from "@/lib/signing/platform-key";
import { sm2PublicKeyToPem } from "@/lib/signing/sm2-pem";

// The key comes from the environment or .data at run time, never from the build.
export const dynamic = "force-dynamic";

export function GET(request: Request) {
  const { publicKey } = getPlatformKeyPair();
  const publicKeyPem = sm2PublicKeyToPem(publicKey);
  if (new URL(request.url).searchParams.get("format") === "pem") {
    return new Response(publicKeyPem, { headers: { "Content-Type": "application/x-pem-file; charset=utf-8" } });
  }
  return Response.json({
    algorithm: "SM2",
    hash: "SM3",
    userId: SM2_DEFAULT_USER_ID,
    signatureEncoding: "DER, hex",
    canonicalString: "SW-PUSH-V1\\n<X-SW-Message-Id>\\n<X-SW-Timestamp>\\n<hex SM3 of the body>",
    publicKey,
    publicKeyPem,
  });
}
