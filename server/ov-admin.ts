/** Entry of `ov-admin` / `npm run admin -- <command>` (bundled by server/bin/run-bundled.mjs). */
import { runCli } from './admin/cli';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Пароль / Password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  readStdin,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
