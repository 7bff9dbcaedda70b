/** A command's options as `parse` reads them, or, when they are wrong, the reason and its usage on stderr and exit code 2. */
export function optionsOrUsage<Options>(command: string, usage: string, parse: () => Options): Options {
  try {
    return parse();
  } catch (error) {
    console.error(`${command}: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
}
