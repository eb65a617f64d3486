// SHA-256 over UTF-8 text, as hex. The pipeline file's header carries the hash of its body to tell
// "edited by a user" from "as we wrote it"; it must run the same in the browser and in Node, and
// synchronously (WebCrypto's digest is async, node:crypto is Node-only): @noble/hashes is both.
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
