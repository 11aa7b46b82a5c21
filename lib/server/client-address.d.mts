// Types of client-address.mjs (plain JavaScript, run by the app's HTTP server).
export declare const CLIENT_ADDRESS_HEADER: "x-gd-client-address";
export declare function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: readonly string[],
): string;
