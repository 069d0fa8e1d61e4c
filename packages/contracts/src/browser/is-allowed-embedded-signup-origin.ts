/**
 * Whether a `message` event comes from Meta: `https:` and host `facebook.com` or a subdomain of it
 * (stricter than Meta's sample `endsWith("facebook.com")`, which lets `evilfacebook.com` in).
 * Pass `allowedOrigins` (exact origins, e.g. the sandbox's `http://127.0.0.1:4010`) to replace the rule.
 *
 * @example
 * isAllowedEmbeddedSignupOrigin("https://www.facebook.com"); // true
 * isAllowedEmbeddedSignupOrigin("https://evilfacebook.com"); // false
 * isAllowedEmbeddedSignupOrigin("http://127.0.0.1:4010", ["http://127.0.0.1:4010"]); // true
 */
export function isAllowedEmbeddedSignupOrigin(
  origin: unknown,
  allowedOrigins?: readonly string[],
): boolean {
  if (typeof origin !== "string" || origin.length > 512) return false;
  if (allowedOrigins) return allowedOrigins.includes(origin);
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" || url.port !== "" || url.origin !== origin) return false;
  return url.hostname === "facebook.com" || url.hostname.endsWith(".facebook.com");
}
