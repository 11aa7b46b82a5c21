// Which errors mean "the database is away" (a 503 that says nothing was saved) and which are bugs (500).
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/server/db/unavailable";

const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["a refused connection", withCode("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432")],
    ["a reset connection", withCode("ECONNRESET")],
    [
      "the server shutting down (57P01)",
      withCode("57P01", "terminating connection due to administrator command"),
    ],
    ["the server starting up (57P03)", withCode("57P03", "the database system is starting up")],
    ["a connection exception (class 08)", withCode("08006")],
    ["the pg client's own message", new Error("Connection terminated unexpectedly")],
    [
      "a client that errored before",
      new Error("Client has encountered a connection error and is not queryable"),
    ],
    ["Prisma's unreachable server", withCode("P1001", "Can't reach database server at 127.0.0.1:5432")],
    ["a wrapped cause", new Error("query failed", { cause: withCode("57P01") })],
    ["an adapter error's original code", Object.assign(new Error("adapter"), { originalCode: "57P01" })],
  ])("%s is the database being away", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", withCode("23505", "duplicate key value violates unique constraint")],
    ["a syntax error in a statement", withCode("42601", "syntax error at or near")],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["a string", "ECONNREFUSED"],
    ["nothing", undefined],
  ])("%s is not", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
