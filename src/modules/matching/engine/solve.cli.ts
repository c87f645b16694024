/**
 * `npm run --silent solve -- --input instance.json [--greedy]`: solves an assignment instance
 * (docs/solver.md) and prints the solution as JSON. Exit 0 on success; 2 on a bad command line, an
 * unreadable file, invalid JSON or a malformed instance, with one line on stderr and nothing on
 * stdout.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import {
  formatSolution,
  InstanceError,
  parseInstance,
  solveGreedy,
  solveOptimal,
} from './assignment';

const USAGE = 'usage: npm run --silent solve -- --input <instance.json> [--greedy]';

class UsageError extends Error {}

interface Options {
  input: string;
  greedy: boolean;
}

function parseArguments(args: readonly string[]): Options {
  let input: string | undefined;
  let greedy = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--greedy') greedy = true;
    else if (arg === '--input' && input === undefined && i + 1 < args.length) input = args[++i];
    else if (arg?.startsWith('--input=') && input === undefined)
      input = arg.slice('--input='.length);
    else throw new UsageError(USAGE);
  }
  if (input === undefined || input === '') throw new UsageError(USAGE);
  return { input, greedy };
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: cannot read: ${describe(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${file}: invalid JSON: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function main(args: readonly string[]): number {
  try {
    const options = parseArguments(args);
    const instance = parseInstance(readJson(options.input));
    const solve = options.greedy ? solveGreedy : solveOptimal;
    const solution = solve(instance, { clock: () => performance.now() });
    process.stdout.write(formatSolution(solution));
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof InstanceError) {
      process.stderr.write(`${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
