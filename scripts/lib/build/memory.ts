/**
 * A full garbage collection on demand, as `node --expose-gc` offers it, for the one place the build
 * wants it: after rendering (Eleventy's runs leave much garbage behind), as the
 * search phase's Pagefind process, which needs memory of its own, starts. V8 returns freed pages to the
 * system after a full collection; left alone it often keeps them while it is busy.
 */
import v8 from "node:v8";
import vm from "node:vm";

export function collectGarbage(): void {
  v8.setFlagsFromString("--expose-gc");
  (vm.runInNewContext("gc") as () => void)();
}
