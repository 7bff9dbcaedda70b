/**
 * Preloaded into a child process (`--import`): when it exits, writes its peak resident memory in
 * bytes to the file PEAK_MEMORY_FILE names, so that a test can bound what a command used.
 */
import { writeFileSync } from "node:fs";

const file = process.env.PEAK_MEMORY_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
