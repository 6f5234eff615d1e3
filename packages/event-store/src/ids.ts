import { getRandomValues } from "node:crypto";

const bytes = new Uint8Array(16);
const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/**
 * A time-ordered UUID (version 7, RFC 9562) for events the caller did not name. Consecutive ids land next to each
 * other in the event_id index; random v4 ids would dirty a random index page per append.
 */
export function newEventId(now: number = Date.now()): string {
  getRandomValues(bytes);
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  let out = "";
  for (let i = 0; i < 16; i++) {
    out += hex[bytes[i]!]!;
    if (i === 3 || i === 5 || i === 7 || i === 9) out += "-";
  }
  return out;
}
