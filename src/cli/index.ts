#!/usr/bin/env node
// The `tissdb-lite` command. Each subcommand is one entry of COMMANDS, so `migrate` plugs in beside
// `serve` without touching the dispatch.
import { SERVE_USAGE, serve } from './serve';
import { UsageError } from './usage-error';

interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<void>;
}

const COMMANDS: Record<string, Command> = {
  serve: { summary: 'run a fake TissDB server (REST API on a port)', usage: SERVE_USAGE, run: serve },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `Usage: tissdb-lite <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun tissdb-lite <command> --help for its options.`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    console.error(`tissdb-lite: unknown command ${JSON.stringify(name)}\n\n${usage()}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    console.log(command.usage);
    return 0;
  }
  try {
    await command.run(args);
    return -1; // still running (a server); the command exits on its own
  } catch (e) {
    const bad = e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(`tissdb-lite ${name}: ${(e as Error).message}${bad ? `\n\n${command.usage}` : ''}`);
    return bad ? 2 : 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  if (code >= 0) process.exitCode = code;
});
