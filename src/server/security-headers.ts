import type { FastifyHelmetOptions } from '@fastify/helmet'

export interface SecurityHeaderOptions {
  /** Behind HTTPS: adds HSTS and upgrade-insecure-requests (a plain-HTTP dev server keeps neither). */
  production: boolean
}

/** How long browsers keep to HTTPS after one visit. */
const HSTS_MAX_AGE_S = 365 * 24 * 60 * 60

/**
 * The @fastify/helmet options for every page and API answer: the console, the H5 shop, the pay
 * page and /api/docs all run under this one policy (the browser tests check that none of them
 * trips it).
 */
export function securityHeaders({ production }: SecurityHeaderOptions): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        // Only our own bundles: no inline script, no eval, no event-handler attributes.
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // antd writes its CSS-in-JS into <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // data: for the API docs' icons and logo; https: for the pictures merchants link in
        // product descriptions (rich-text.ts allows them). Images never run script.
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    // WeChat Pay's H5 checkout checks that the Referer names our domain, so cross-origin requests
    // keep the origin (never the path: order pages carry tokens).
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Other hosts under the county's domain are not ours to pin to HTTPS.
    strictTransportSecurity: production
      ? { maxAge: HSTS_MAX_AGE_S, includeSubDomains: false }
      : false,
  }
}
