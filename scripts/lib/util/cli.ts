import { printable, systemErrorMessage } from "./error-message.ts";

/**
 * A command's options as `parse` reads them, or, when they are wrong, the reason and its usage on
 * stderr and exit code 2.
 */
export function optionsOrUsage<Options>(command: string, usage: string, parse: () => Options): Options {
  try {
    return parse();
  } catch (error) {
    console.error(`${command}: ${printable(error instanceof Error ? error.message : String(error))}\n${usage}`);
    process.exit(2);
  }
}

/**
 * Runs a command's `main`. A system error it did not report itself (a full disk, a read-only or
 * busy folder, a permission) ends it with one line, "<command>: <file>: <reason> (<CODE>)", and exit
 * code 1; any other error is a fault of this program, thrown on with its stack.
 */
export async function runCommand(command: string, main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    const message = systemErrorMessage(error);
    if (message === undefined) throw error;
    console.error(`${command}: ${message}`);
    process.exit(1);
  }
}
