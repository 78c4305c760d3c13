import { e2e } from "./context";

/** A parsed Set-Cookie header: name, value and its attributes (lower-cased names). */
export interface SetCookie {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
}

export function parseSetCookie(header: string): SetCookie {
  const [pair, ...rest] = header.split(";");
  const index = pair!.indexOf("=");
  const attributes: Record<string, string | true> = {};
  for (const part of rest) {
    const [key, ...value] = part.trim().split("=");
    if (key) attributes[key.toLowerCase()] = value.length ? value.join("=") : true;
  }
  return { name: pair!.slice(0, index).trim(), value: pair!.slice(index + 1).trim(), attributes };
}

/**
 * fetch without a browser: keeps cookies between requests, never follows
 * redirects (tests look at each Location), and can add headers to every
 * request (X-Forwarded-Proto: https, say).
 */
export class HttpSession {
  readonly cookies = new Map<string, string>();
  readonly setCookies: SetCookie[] = [];

  constructor(private readonly headers: Record<string, string> = {}) {}

  async request(
    url: string,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ) {
    const target = new URL(url, e2e().baseUrl);
    const headers: Record<string, string> = { ...this.headers, ...init.headers };
    if (target.origin === new URL(e2e().baseUrl).origin && this.cookies.size) {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    }
    let body: string | undefined;
    if (init.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(target, {
      method: init.method ?? (body ? "POST" : "GET"),
      headers,
      body,
      redirect: "manual",
    });
    if (target.origin === new URL(e2e().baseUrl).origin) {
      for (const header of response.headers.getSetCookie()) {
        const cookie = parseSetCookie(header);
        this.setCookies.push(cookie);
        if (cookie.value === "" || cookie.attributes["max-age"] === "0") this.cookies.delete(cookie.name);
        else this.cookies.set(cookie.name, cookie.value);
      }
    }
    return response;
  }

  /** Auth.js's CSRF token (and its cookie, kept in this session). */
  async csrfToken(): Promise<string> {
    const response = await this.request("/api/auth/csrf");
    return ((await response.json()) as { csrfToken: string }).csrfToken;
  }

  /** POST /api/auth/signin/<provider> as Auth.js's own form would, returning the response (a redirect). */
  async startSignIn(provider: string, callbackUrl = "/"): Promise<Response> {
    const csrfToken = await this.csrfToken();
    return this.request(`/api/auth/signin/${provider}`, { form: { csrfToken, callbackUrl } });
  }
}
