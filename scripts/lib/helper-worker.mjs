// Entry of the build's helper thread (scripts/lib/parallel.ts). Worker threads do not inherit the
// main thread's `--import tsx`, so this plain module registers tsx and then loads the TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./helper-worker.ts");
