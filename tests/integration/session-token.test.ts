// The session cookie's claims are kept once decrypted: the same token gives the same claims without
// decrypting again, an expired token is refused even when kept, and a forged or damaged token is
// refused and never kept.
import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeSessionToken } from "@/lib/server/session-token";

const secret = process.env.AUTH_SECRET!;
const salt = "authjs.session-token";

afterEach(() => {
  vi.useRealTimers();
});

describe("decodeSessionToken", () => {
  it("gives the token's claims, the same on the next request", async () => {
    const token = await encode({ token: { sub: "u-1", sv: 3 }, secret, salt });
    const first = await decodeSessionToken({ token, secret, salt });
    expect(first).toMatchObject({ sub: "u-1", sv: 3 });
    expect(await decodeSessionToken({ token, secret, salt })).toEqual(first);
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
