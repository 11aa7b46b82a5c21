// The client address the limits count: the socket's, or the hop a trusted proxy appended; a client
// that writes its own X-Forwarded-For (a new one for every try) changes nothing.
import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/server/client-address.mjs";

describe("client address", () => {
  it("without trusted proxies: the socket address, whatever X-Forwarded-For says (the rotated header)", () => {
    for (let i = 0; i < 5; i++) {
      expect(clientAddress("203.0.113.7", `10.0.0.${i}`, [])).toBe("203.0.113.7");
    }
    expect(clientAddress("::ffff:203.0.113.7", undefined, [])).toBe("203.0.113.7");
    expect(clientAddress(undefined, "1.2.3.4", [])).toBe("unknown");
  });

  it("behind a trusted proxy: the hop it appended, never the first, client-written one", () => {
    const proxy = ["10.0.0.2"];
    expect(clientAddress("10.0.0.2", "198.51.100.9", proxy)).toBe("198.51.100.9");
    // The client wrote "1.1.1.1" itself; the proxy appended the address it saw.
    expect(clientAddress("10.0.0.2", "1.1.1.1, 198.51.100.9", proxy)).toBe("198.51.100.9");
    expect(clientAddress("10.0.0.2", ["6.6.6.6", "198.51.100.9"], proxy)).toBe("198.51.100.9");
  });

  it("through a chain of trusted proxies: the first untrusted hop from the right", () => {
    const proxies = ["10.0.0.2", "10.0.0.3"];
    expect(clientAddress("10.0.0.3", "7.7.7.7, 198.51.100.9, 10.0.0.2", proxies)).toBe("198.51.100.9");
  });

  it("a trusted proxy that sent no usable hop counts as the client itself", () => {
    expect(clientAddress("10.0.0.2", undefined, ["10.0.0.2"])).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "not-an-address", ["10.0.0.2"])).toBe("10.0.0.2");
  });

  it("an untrusted socket that claims to be a proxy is not believed", () => {
    expect(clientAddress("198.51.100.50", "10.0.0.9", ["10.0.0.2"])).toBe("198.51.100.50");
  });
});
