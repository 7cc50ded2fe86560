import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { apiUrl } from "./support.js";
import { linkIn, waitForMail } from "./mail.js";

export interface Account {
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

/** Signs up through the API, follows the e-mailed verification link, and signs in. */
export async function signUp(name: string): Promise<Account> {
  const email = `${name}-${randomUUID()}@e2e.mediavault.test`;
  const password = `correct horse ${randomUUID()}`;
  const register = await fetch(`${apiUrl()}/api/v1/auth/register`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password, displayName: name }),
  });
  assert.equal(register.status, 202, await register.text());

  const link = linkIn(await waitForMail(email, /verif|confirm/i), "/api/v1/auth/verify-email");
  const verify = await fetch(`${apiUrl()}${link.pathname}${link.search}`);
  assert.ok(verify.status === 200 || verify.status === 204, `verify answered ${verify.status}`);

  const login = await fetch(`${apiUrl()}/api/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  assert.equal(login.status, 200, await login.clone().text());
  const tokens = (await login.json()) as { accessToken: string; refreshToken: string };
  return { email, password, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
}
