/** Runs one benchmark case (see `bench/index.ts`) and prints its results, one JSON line each. */
interface BenchCase {
  default: () => Promise<Record<string, unknown>[]>;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (file === undefined) throw new Error('usage: run-case <case file>');
  const mod = (await import(file)) as BenchCase;
  for (const line of await mod.default()) {
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
