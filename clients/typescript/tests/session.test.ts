import assert from "node:assert/strict";
import { test } from "node:test";
import { createClient, memoryStorage, ProblemError, type FetchLike } from "../src/index.js";
import { signUp } from "./accounts.js";
import { apiUrl } from "./support.js";

/** A fetch that counts the refresh calls going through it. */
function countingFetch(): { fetch: FetchLike; refreshes: () => number } {
  let refreshes = 0;
  return {
    fetch: (input, init) => {
      if (String(input instanceof Request ? input.url : input).endsWith("/api/v1/auth/refresh")) refreshes++;
      return fetch(input, init);
    },
    refreshes: () => refreshes,
  };
}

/** The server refuses this token exactly as an expired one: 401. (Its signature no longer matches.) */
const spoil = (token: string) => `${token.slice(0, -6)}${token.slice(-6) === "AAAAAA" ? "BBBBBB" : "AAAAAA"}`;

test("ten concurrent calls with a refused access token share exactly one refresh, then all succeed", async () => {
  const account = await signUp("refresh");
  const counter = countingFetch();
  let expired = 0;
  const storage = memoryStorage({ accessToken: spoil(account.accessToken), refreshToken: account.refreshToken });
  const client = createClient({ baseUrl: apiUrl(), fetch: counter.fetch, storage, onSessionExpired: () => expired++ });

  const answers = await Promise.all(Array.from({ length: 10 }, () => client.me.get()));

  assert.equal(counter.refreshes(), 1);
  assert.equal(expired, 0);
  for (const me of answers) assert.equal(me.email, account.email);
  const tokens = await storage.load();
  assert.notEqual(tokens?.refreshToken, account.refreshToken, "the refresh token was rotated");
});

test("a refused refresh token ends the session once: calls fail with a 401 problem and onSessionExpired is told", async () => {
  const account = await signUp("expired");
  const counter = countingFetch();
  const reasons: ProblemError[] = [];
  const storage = memoryStorage({ accessToken: spoil(account.accessToken), refreshToken: "not-a-refresh-token" });
  const client = createClient({ baseUrl: apiUrl(), fetch: counter.fetch, storage, onSessionExpired: (r) => reasons.push(r) });

  const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => client.me.get()));

  for (const outcome of outcomes) {
    assert.equal(outcome.status, "rejected");
    assert.ok(outcome.reason instanceof ProblemError);
    assert.equal(outcome.reason.status, 401);
  }
  assert.equal(counter.refreshes(), 1);
  assert.equal(reasons.length, 1);
  assert.equal(await storage.load(), null);
});

test("login, then logout revokes the refresh token", async () => {
  const account = await signUp("logout");
  const storage = memoryStorage();
  const client = createClient({ baseUrl: apiUrl(), storage });
  await client.login(account.email, account.password);
  assert.equal((await client.me.get()).email, account.email);
  const refreshToken = (await storage.load())?.refreshToken;
  assert.ok(refreshToken);

  await client.logout();

  assert.equal(await client.session.isSignedIn(), false);
  await assert.rejects(client.auth.refresh({ refreshToken }), (e: unknown) => e instanceof ProblemError && e.status === 401);
});
