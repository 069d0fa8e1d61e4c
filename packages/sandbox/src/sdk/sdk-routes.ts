import { type Context, Hono } from "hono";
import { renderSdkSource, type SdkLocale } from "./sdk-source.js";

function serve(locale: SdkLocale) {
  return (c: Context) =>
    c.body(renderSdkSource({ locale, origin: new URL(c.req.url).origin }), 200, {
      "content-type": "text/javascript; charset=utf-8",
      // Meta's snippet loads the SDK with crossorigin="anonymous": without this header it fails.
      "access-control-allow-origin": "*",
      "cache-control": "no-store",
    });
}

/**
 * Routes serving the fake `sdk.js` at `/sdk.js` (English), `/en_US/sdk.js` and `/de_DE/sdk.js`.
 * The locale of the path decides the language of the Embedded Signup popup.
 *
 * @example
 * const app = new Hono();
 * app.route("/", createSdkRoutes());
 * // <script async defer crossorigin="anonymous" src="http://127.0.0.1:4010/de_DE/sdk.js"></script>
 */
export function createSdkRoutes(): Hono {
  const app = new Hono();
  app.get("/sdk.js", serve("en_US"));
  app.get("/en_US/sdk.js", serve("en_US"));
  app.get("/de_DE/sdk.js", serve("de_DE"));
  return app;
}
