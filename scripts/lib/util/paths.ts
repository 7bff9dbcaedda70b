import path from "node:path";

/**
 * A path as people type it: relative to where the command was run ("." for that folder itself),
 * unless that climbs out of it.
 */
export function displayPath(target: string): string {
  const relative = path.relative(process.cwd(), target);
  return relative === "" ? "." : isInside(target, process.cwd()) ? relative : path.resolve(target);
}

/** Whether `child` is inside the folder `parent` (the folder itself is not inside itself). */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

/**
 * A file's path as a URL path, each segment percent-encoded (RFC 3986): "files/100% final.pdf" →
 * "files/100%25%20final.pdf". `new URL(path, base)` would leave a `%`, `#` or `?` in a name as it is,
 * making it an escape, a fragment or a query; the pages' links and the web archive both use this.
 */
export function urlPathOf(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

/**
 * Names Windows keeps for devices, whatever follows the first dot
 * (learn.microsoft.com: "Naming Files, Paths, and Namespaces").
 */
const windowsDevices = /^(?:con|prn|aux|nul|conin\$|conout\$|com[1-9\u00b9\u00b2\u00b3]|lpt[1-9\u00b9\u00b2\u00b3])$/i;

/**
 * Why a file or folder named `name` cannot exist on Windows (so a clone there fails), or undefined.
 * Git for Windows refuses to check out such a name, and the whole checkout with it.
 */
export function windowsNameProblem(name: string): string | undefined {
  if (/[. ]$/.test(name) && name !== "." && name !== "..")
    return `ends in a ${name.endsWith(".") ? "dot" : "space"}, which Windows drops from names`;
  // "con.md", "CON.tar.gz" and "con .md" all name the device CON.
  const device = (name.split(".")[0] ?? "").replace(/ +$/, "");
  if (windowsDevices.test(device))
    return `is named after the Windows device ${device.toUpperCase()} (whatever the extension)`;
  return undefined;
}
