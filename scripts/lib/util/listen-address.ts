/**
 * Where the project's servers listen. They listen on loopback (127.0.0.1) unless `--host` opens
 * one up; a server opened to the network says so, since the preview serves drafts and the editor.
 */
import { isIPv6 } from "node:net";

export const loopback = "127.0.0.1";

/** Whether an address reaches this computer only: localhost, 127.x.x.x, ::1. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * The `Host` values that name a server on loopback port `port`. A page that reaches it through
 * DNS rebinding sends its own name instead, so a server on loopback answers these only.
 */
export function loopbackHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** Why a request's `Host` does not name this server on loopback port `port`, or undefined when it does. */
export function foreignHost(host: string | undefined, port: number): string | undefined {
  const hosts = loopbackHosts(port);
  return host !== undefined && hosts.includes(host.toLowerCase())
    ? undefined
    : `Host ${JSON.stringify(host ?? "")} is not this server's address (${hosts.join(" or ")})`;
}

/** "0.0.0.0" or "::": every interface of this computer. */
export function isEveryInterface(host: string): boolean {
  return host === "0.0.0.0" || host === "::";
}

/**
 * The server's address as a browser on this computer opens it: http://localhost:8080 when it
 * listens on loopback or on every interface, http://192.168.1.5:8080 when only there.
 */
export function localUrl(host: string, port: number): string {
  const name = isLoopback(host) || isEveryInterface(host) ? "localhost" : isIPv6(host) ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/** The address a program connects to: where the server listens, or 127.0.0.1 when it listens on every interface. */
export function serverUrl(host: string, port: number): string {
  const address = isEveryInterface(host) ? loopback : host;
  return `http://${isIPv6(address) ? `[${address}]` : address}:${port}`;
}

/** The warning a server opened to the network prints (`what` is what others can then reach); undefined on loopback. */
export function networkWarning(host: string, what: string): string | undefined {
  if (isLoopback(host)) return undefined;
  const where = isEveryInterface(host) ? `every network interface (${host})` : host;
  return (
    `warning: listening on ${where}, not on this computer only: ` +
    `anyone who can reach it on the network can open ${what}`
  );
}
