import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** clients/typescript (the tests run compiled, from dist-test/tests/). */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const repoRoot = resolve(packageRoot, "..", "..");

/** The live API started by scripts/test.sh (PostgreSQL, S3 server, SMTP server behind it). */
export function apiUrl(): string {
  const url = process.env.MEDIAVAULT_TEST_API_URL;
  if (!url) throw new Error("MEDIAVAULT_TEST_API_URL is not set: run ./scripts/test.sh, which starts the live API.");
  return url;
}

/** The S3 test server behind the live API (the presigned upload and download URLs point at it). */
export function s3Url(): string {
  const url = process.env.MEDIAVAULT_TEST_S3_URL;
  if (!url) throw new Error("MEDIAVAULT_TEST_S3_URL is not set: run ./scripts/test.sh.");
  return url;
}

export function maildevUrl(): string {
  const url = process.env.MEDIAVAULT_TEST_MAILDEV_URL;
  if (!url) throw new Error("MEDIAVAULT_TEST_MAILDEV_URL is not set: run ./scripts/test.sh.");
  return url;
}

/** Runs a command to completion and returns its exit code and combined output. */
export function run(command: string, args: string[], cwd = packageRoot): { status: number; output: string } {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: process.env, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status ?? -1, output: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}
