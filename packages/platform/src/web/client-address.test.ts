import { describe, expect, it } from "vitest";
import { clientAddressResolver, isAddressOrBlock } from "./client-address.ts";

describe("the client's address", () => {
  it("is the TCP peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    const resolve = clientAddressResolver([]);
    expect(resolve("203.0.113.7", "6.6.6.6")).toBe("203.0.113.7");
    expect(resolve("::ffff:127.0.0.1", ["1.1.1.1", "2.2.2.2"])).toBe("127.0.0.1");
    expect(resolve("2001:db8::1", undefined)).toBe("2001:db8::1");
  });

  it("behind trusted proxies, is the right-most hop that is not one of them", () => {
    const resolve = clientAddressResolver(["127.0.0.1", "10.0.0.0/8"]);
    expect(resolve("127.0.0.1", "6.6.6.6, 203.0.113.5, 10.1.2.3")).toBe("203.0.113.5");
    expect(resolve("10.0.0.9", "198.51.100.4")).toBe("198.51.100.4");
    // A peer that is not trusted cannot speak for anyone.
    expect(resolve("198.51.100.9", "10.0.0.1, 1.2.3.4")).toBe("198.51.100.9");
    // Every hop trusted: the left-most of them. Garbage: the last hop a trusted proxy vouched for.
    expect(resolve("127.0.0.1", "10.0.0.2, 10.0.0.3")).toBe("10.0.0.2");
    expect(resolve("127.0.0.1", "not-an-ip, 10.0.0.3")).toBe("10.0.0.3");
    expect(resolve("127.0.0.1", undefined)).toBe("127.0.0.1");
  });

  it("takes addresses and CIDR blocks as trusted proxies, nothing else", () => {
    for (const good of ["127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8"]) expect(isAddressOrBlock(good)).toBe(true);
    for (const bad of ["", "localhost", "10.0.0.0/33", "::1/129", "1.2.3.4/8/1", "10.0.0.0/x"]) expect(isAddressOrBlock(bad)).toBe(false);
  });
});
