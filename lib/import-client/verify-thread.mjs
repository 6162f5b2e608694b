// One verification thread of the import client (verify-pool.ts). Plain JavaScript because a worker thread
// starts without the TypeScript loader; it makes the same sm-crypto-v2 call as createSm2DigestVerifier
// (lib/signing/sm2-fixed-key.ts): the main thread computes e = SM3(Z ‖ canonical string), this one the curve.
import { parentPort, workerData } from "node:worker_threads";
import { sm2 } from "sm-crypto-v2";

const point = sm2.precomputePublicKey(workerData.publicKey.toLowerCase());

parentPort.on("message", ({ id, digest, signature }) => {
  let valid = false;
  try {
    valid = sm2.doVerifySignature(digest, signature.toLowerCase(), point, { der: true, hash: false });
  } catch {
    valid = false;
  }
  parentPort.postMessage({ id, valid });
});
