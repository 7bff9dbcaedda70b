/** Which addresses a port listens on, from the kernel's own socket tables (Linux's /proc/net/tcp and tcp6). */
import { readFileSync } from "node:fs";

/** "0100007F" → "127.0.0.1": an IPv4 address as /proc/net/tcp writes it (little-endian hex). */
function ipv4(hex: string): string {
  return (hex.match(/../g) ?? [])
    .reverse()
    .map((byte) => parseInt(byte, 16))
    .join(".");
}

/** The local addresses listening on TCP `port`: "127.0.0.1", "0.0.0.0", "::" (any IPv6), or the IPv6 address's hex. */
export function listeningAddresses(port: number): string[] {
  const addresses: string[] = [];
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").trim().split("\n").slice(1)) {
      const [, local = "", , state] = line.trim().split(/\s+/);
      const [address = "", hexPort = ""] = local.split(":");
      // 0A: LISTEN.
      if (state !== "0A" || parseInt(hexPort, 16) !== port) continue;
      addresses.push(address.length === 8 ? ipv4(address) : /^0+$/.test(address) ? "::" : address);
    }
  }
  return addresses;
}
