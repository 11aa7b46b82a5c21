// The session cookie's claims are kept once decrypted: the same token gives the same claims without
// decrypting again, an expired token is refused even when kept, a forged or damaged token is refused
// and never kept, and at most SESSION_TOKENS_KEPT are kept, the least recently used going first.
import * as jwt from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SESSION_TOKENS_KEPT, decodeSessionToken } from "@/lib/server/session-token";

// Auth.js's decode, counted; a token "stand-in-…" decodes to { sub: the token } without cryptography
// (to fill the cache quickly), every other one goes to the real decode.
const decrypted = vi.hoisted(() => ({ count: 0 }));
vi.mock("next-auth/jwt", async (importOriginal) => {
  const actual = await importOriginal<typeof jwt>();
  return {
    ...actual,
    decode: (params: jwt.JWTDecodeParams) => {
      decrypted.count += 1;
      if (params.token?.startsWith("stand-in-")) return Promise.resolve({ sub: params.token });
      return actual.decode(params);
    },
  };
});
const { encode } = jwt;

const secret = process.env.AUTH_SECRET!;
const salt = "authjs.session-token";

afterEach(() => {
  vi.useRealTimers();
});

describe("decodeSessionToken", () => {
  it("gives the token's claims, the same on the next request", async () => {
    const token = await encode({ token: { sub: "u-1", sv: 3 }, secret, salt });
    decrypted.count = 0;
    const first = await decodeSessionToken({ token, secret, salt });
    expect(first).toMatchObject({ sub: "u-1", sv: 3 });
    expect(decrypted.count).toBe(1);
    // The kept claims themselves, not decrypted again.
    expect(await decodeSessionToken({ token, secret, salt })).toBe(first);
    expect(decrypted.count).toBe(1);
  });

  it("keeps at most SESSION_TOKENS_KEPT tokens, the least recently used going first", async () => {
    const token = await encode({ token: { sub: "u-6", sv: 0 }, secret, salt });
    const standIn = (i: number) => `stand-in-${i}`;
    const read = (t: string) => decodeSessionToken({ token: t, secret, salt });
    const mine = await read(token);
    // Fill the rest of the cache (whatever earlier tests kept is pushed out first).
    for (let i = 0; i < SESSION_TOKENS_KEPT; i++) await read(standIn(i));
    // The real token was used least recently: it is out, and decrypted again when read.
    decrypted.count = 0;
    const again = await read(token);
    expect(decrypted.count).toBe(1);
    expect(again).not.toBe(mine);
    expect(again).toMatchObject({ sub: "u-6" });
    // Decrypting it again pushed out the oldest stand-in (0); 1 and the newest are kept.
    decrypted.count = 0;
    expect(await read(standIn(1))).toMatchObject({ sub: standIn(1) });
    expect(await read(standIn(SESSION_TOKENS_KEPT - 1))).toMatchObject({
      sub: standIn(SESSION_TOKENS_KEPT - 1),
    });
    expect(await read(token)).toBe(again);
    expect(decrypted.count).toBe(0);
    expect(await read(standIn(0))).toMatchObject({ sub: standIn(0) });
    expect(decrypted.count).toBe(1);
    // A hit counts as a use: reading 0 again pushed out 2, the least recently used, not 1 (read since).
    decrypted.count = 0;
    await read(standIn(1));
    expect(decrypted.count).toBe(0);
    await read(standIn(2));
    expect(decrypted.count).toBe(1);
  });

  it("refuses a kept token once it has expired", async () => {
    const token = await encode({ token: { sub: "u-2", sv: 0 }, secret, salt, maxAge: 60 });
    expect(await decodeSessionToken({ token, secret, salt })).toMatchObject({ sub: "u-2" });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 10 * 60_000);
    expect(await decodeSessionToken({ token, secret, salt })).toBeNull();
  });

  it("refuses a token made with another secret or for another cookie, and a damaged one", async () => {
    const other = await encode({ token: { sub: "u-3", sv: 0 }, secret: "x".repeat(40), salt });
    await expect(decodeSessionToken({ token: other, secret, salt })).rejects.toThrow();
    const token = await encode({ token: { sub: "u-4", sv: 0 }, secret, salt });
    expect(await decodeSessionToken({ token, secret, salt })).toMatchObject({ sub: "u-4" });
    // The same token read for another cookie name (salt) is not the kept one.
    await expect(
      decodeSessionToken({ token, secret, salt: "__Secure-authjs.session-token" }),
    ).rejects.toThrow();
    const damaged = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    await expect(decodeSessionToken({ token: damaged, secret, salt })).rejects.toThrow();
    // Refused again on a second try: a refused token is never kept.
    await expect(decodeSessionToken({ token: other, secret, salt })).rejects.toThrow();
  });

  it("the claims handed out cannot be changed by a caller", async () => {
    const token = await encode({ token: { sub: "u-5", sv: 1 }, secret, salt });
    const claims = (await decodeSessionToken({ token, secret, salt }))!;
    expect(() => {
      (claims as { sv: number }).sv = 2;
    }).toThrow();
    expect(await decodeSessionToken({ token, secret, salt })).toMatchObject({ sv: 1 });
  });
});
