/**
 * The Content-Security-Policy of the renderer, in one string: only our own
 * files; no inline script, no eval, nothing remote. `data:` images are allowed
 * for small inline icons. Plain TypeScript (no electron import) so browser
 * mode's server can send the very same header; index.html carries it as a meta
 * tag too (minus frame-ancestors, which browsers ignore there).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
