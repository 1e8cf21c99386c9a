/**
 * Fetching a page for an import by URL, without letting a user make the
 * server reach what only the server can reach (SSRF).
 *
 * - Only http: and https:, and no user name or password in the address.
 * - Every hop (the first request and each redirect, at most 5) resolves the
 *   host name first and refuses any address that is not public unicast:
 *   private (10/8, 172.16/12, 192.168/16, fc00::/7), loopback, link-local
 *   (169.254/16 and fe80::/10, where cloud metadata services live), carrier
 *   NAT, multicast, unspecified, reserved and the IPv6 forms that embed an
 *   IPv4 address. ipaddr.js classifies them. A name with several addresses
 *   is refused if any of them is refused.
 * - The connection then goes to the address that was checked: the request's
 *   `lookup` returns it, so no second DNS answer (DNS rebinding) can send the
 *   connection elsewhere. TLS still verifies the certificate against the host name.
 * - Addresses in `CLAIMDESK_FETCH_ALLOW` (IPs or CIDR ranges, comma-separated)
 *   are let through: the tests' local server, or an intranet a desk trusts.
 * - 10 s for the whole fetch, redirects included; at most 10 MiB of body
 *   after decompression (a gzip bomb stops at the limit); only HTML, XHTML
 *   and plain text; a status other than 2xx is refused.
 * Each refusal is an AppError 400 with `field: "url"` and the reason.
 *
 * Hand-written on node:http/https rather than fetch(): fetch (undici) offers
 * no per-request DNS lookup without its own package, and the pinned lookup
 * is the point. request-filtering-agent checks the address after connecting
 * and does not cover the redirect and size rules.
 */
import http from "node:http";
import https from "node:https";
import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import ipaddr from "ipaddr.js";
import { AppError } from "@/lib/errors";
import { isReadable, mediaTypeOf } from "./content-type";

/** One resolved address. */
export type ResolvedAddress = { address: string; family: 4 | 6 };

export type FetchPageOptions = {
  /** Addresses let through although not public (CIDR ranges or single IPs). */
  allow?: readonly string[];
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** The host name resolver (tests replace it); the default asks the system resolver for every address. */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
};

/** What the fetch brought back: the final response's status, type and body. */
export type FetchedPageResponse = {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  contentType: string;
  body: Buffer;
  fetchedAt: Date;
};

const DEFAULTS = { timeoutMs: 10_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5 };

const refuse = (message: string) => new AppError("INVALID_INPUT", message, { field: "url" });

const defaultResolve = async (hostname: string): Promise<ResolvedAddress[]> =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/** The allow list as parsed ranges (a bare IP is a range of one). Bad entries are ignored, with a warning. */
export function parseAllowList(entries: readonly string[]): [ipaddr.IPv4 | ipaddr.IPv6, number][] {
  const out: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const raw of entries.map((e) => e.trim()).filter(Boolean)) {
    try {
      if (raw.includes("/")) out.push(ipaddr.parseCIDR(raw));
      else {
        const ip = ipaddr.parse(raw);
        out.push([ip, ip.kind() === "ipv4" ? 32 : 128]);
      }
    } catch {
      console.warn(`CLAIMDESK_FETCH_ALLOW: ignoring "${raw}", which is neither an IP address nor a CIDR range`);
    }
  }
  return out;
}

/** Why an address may not be fetched, or null when it may. */
export function addressRefusal(address: string, allow: readonly [ipaddr.IPv4 | ipaddr.IPv6, number][]): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // process(): an IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it is.
    ip = ipaddr.process(address);
  } catch {
    return "is not an IP address";
  }
  if (allow.some(([range, bits]) => range.kind() === ip.kind() && ip.match(range, bits))) return null;
  const range = ip.range();
  if (range === "unicast") return null;
  const names: Record<string, string> = {
    private: "a private network address",
    uniqueLocal: "a private network address",
    loopback: "a loopback address (this server itself)",
    linkLocal: "a link-local address (where cloud metadata services answer)",
    carrierGradeNat: "a carrier-grade NAT address",
    unspecified: "the unspecified address",
    multicast: "a multicast address",
    broadcast: "the broadcast address",
  };
  return `is ${names[range] ?? `a reserved address (${range})`}`;
}

/** The host's addresses, all of them checked; the first one is the one to connect to. */
async function checkedAddress(
  url: URL,
  allow: readonly [ipaddr.IPv4 | ipaddr.IPv6, number][],
  resolve: NonNullable<FetchPageOptions["resolve"]>,
): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: ResolvedAddress[];
  if (ipaddr.isValid(host)) addresses = [{ address: host, family: ipaddr.parse(host).kind() === "ipv6" ? 6 : 4 }];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      throw refuse(`The host name ${host} could not be found.`);
    }
  }
  if (addresses.length === 0) throw refuse(`The host name ${host} could not be found.`);
  for (const a of addresses) {
    const why = addressRefusal(a.address, allow);
    if (why)
      throw refuse(
        `${host === a.address ? `The address ${host}` : `${host} resolves to ${a.address}, which`} ${why}: pages there are not fetched.`,
      );
  }
  return addresses[0]!;
}

function parseAddress(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw refuse("That is not a web address. Give the full address, starting with https://.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw refuse(`Only http:// and https:// addresses can be fetched, not ${url.protocol}//.`);
  if (url.username || url.password) throw refuse("Addresses with a user name or password are not fetched.");
  return url;
}

type Hop = { status: number; headers: http.IncomingHttpHeaders; stream: http.IncomingMessage };

/** One request to a checked, pinned address. */
function request(url: URL, pinned: ResolvedAddress, signal: AbortSignal): Promise<Hop> {
  // The connection goes to the checked address whatever the host name resolves to now.
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: "GET",
        lookup,
        agent: false,
        signal,
        headers: {
          "User-Agent": "Claimdesk/0.1 (fact-check desk; imports an article a journalist asked for)",
          Accept: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
          "Accept-Encoding": "gzip, deflate, br",
        },
      },
      (res) => resolve({ status: res.statusCode ?? 0, headers: res.headers, stream: res }),
    );
    req.on("error", reject);
    req.end();
  });
}

/** The body, decompressed, up to `max` bytes (more is refused while it streams in). */
async function readBody(hop: Hop, max: number): Promise<Buffer> {
  const encoding = String(hop.headers["content-encoding"] ?? "identity")
    .toLowerCase()
    .trim();
  const decoder =
    encoding === "gzip" || encoding === "x-gzip"
      ? createGunzip()
      : encoding === "deflate"
        ? createInflate()
        : encoding === "br"
          ? createBrotliDecompress()
          : null;
  if (!decoder && encoding !== "identity" && encoding !== "")
    throw refuse(`The page is sent with an encoding this server cannot read (${encoding}).`);
  const source = decoder ? hop.stream.pipe(decoder) : hop.stream;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > max) {
      hop.stream.destroy();
      throw refuse(`The page is larger than ${Math.round(max / 1024 / 1024)} MiB.`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Fetch a page for an import (see the module comment). Resolves with the
 * final response; rejects with a 400 naming the field "url" and the reason.
 */
export async function fetchPage(address: string, options: FetchPageOptions = {}): Promise<FetchedPageResponse> {
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const maxBytes = options.maxBytes ?? DEFAULTS.maxBytes;
  const maxRedirects = options.maxRedirects ?? DEFAULTS.maxRedirects;
  const allow = parseAllowList(options.allow ?? []);
  const resolve = options.resolve ?? defaultResolve;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const requested = parseAddress(address.trim());
  let url = requested;
  try {
    for (let redirects = 0; ; redirects++) {
      const pinned = await checkedAddress(url, allow, resolve).catch((e: unknown) => {
        // Say where a redirect led: the user only typed the first address.
        throw e instanceof AppError && redirects > 0 ? refuse(`The page redirects to ${url.href}. ${e.message}`) : e;
      });
      if (controller.signal.aborted) throw new Error("timeout");
      const hop = await request(url, pinned, controller.signal);
      if (hop.status >= 300 && hop.status < 400 && hop.headers.location) {
        hop.stream.resume();
        if (redirects >= maxRedirects) throw refuse(`The page redirected more than ${maxRedirects} times.`);
        url = parseAddress(hop.headers.location, url);
        continue;
      }
      if (hop.status < 200 || hop.status >= 300) {
        hop.stream.resume();
        throw refuse(
          `The page answered ${hop.status}${http.STATUS_CODES[hop.status] ? ` ${http.STATUS_CODES[hop.status]}` : ""}, not the page itself.`,
        );
      }
      const contentType = String(hop.headers["content-type"] ?? "").trim();
      if (!contentType || !isReadable(contentType)) {
        hop.stream.resume();
        throw refuse(
          `The address serves ${mediaTypeOf(contentType) ?? (contentType || "content of no stated type")}, not an HTML page or plain text.`,
        );
      }
      const declared = Number(hop.headers["content-length"]);
      if (Number.isFinite(declared) && declared > maxBytes) {
        hop.stream.destroy();
        throw refuse(`The page is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB.`);
      }
      const body = await readBody(hop, maxBytes);
      return { requestedUrl: requested.href, finalUrl: url.href, status: hop.status, contentType, body, fetchedAt: new Date() };
    }
  } catch (e) {
    if (controller.signal.aborted) throw refuse(`The page took longer than ${timeoutMs / 1000} s to load.`);
    if (e instanceof AppError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw refuse(
      code === "ECONNREFUSED"
        ? "The server refused the connection."
        : code?.startsWith("ERR_TLS") || code?.includes("CERT")
          ? "The page's HTTPS certificate is not valid."
          : `The page could not be fetched (${code ?? "connection failed"}).`,
    );
  } finally {
    clearTimeout(timer);
  }
}
