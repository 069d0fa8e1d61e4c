import {
  ERROR_CATALOG,
  PROBLEM_JSON,
  PROBLEM_TYPE_BASE,
  type ProblemDetails,
} from "@wa-migrate/contracts";
import { type Context, Hono } from "hono";
import { AutopilotStore, parseAutopilot } from "./autopilot.js";
import { parseDialogRequest } from "./dialog-request.js";
import { openerPosts } from "./es-messages.js";
import { PAGE_HEADERS, POPUP_SCRIPT_PATH } from "./html-page.js";
import type { PopupBackend } from "./popup-backend.js";
import { POPUP_SCRIPT } from "./popup-script.js";
import { openSession, type PopupSession } from "./popup-session.js";
import { languageOfLocale } from "./popup-texts.js";
import { renderDialogError, renderEndPage } from "./render-end.js";
import { renderScreen } from "./render-screen.js";
import { type StepFields, submitStep } from "./submit-step.js";

/** Options of {@link createPopupRoutes}. */
export interface PopupRoutesOptions {
  backend: PopupBackend;
  /** Mount `POST /__sandbox/autopilot` and `POST /__sandbox/popup-settings` (the control API switch). */
  control: boolean;
  /** Sessions kept at most (oldest dropped first). Default 500. */
  maxSessions?: number;
}

// `validation_failed` of the contracts' ERROR_CATALOG, as problem+json.
function problem(c: Context, errors: { path: string; message: string }[]): Response {
  const { status, message, remedy, retryable } = ERROR_CATALOG.validation_failed;
  const body = {
    type: `${PROBLEM_TYPE_BASE}validation_failed`,
    title: message,
    status,
    code: "validation_failed",
    detail: errors.map((error) => error.message).join(" "),
    remedy,
    retryable,
    errors,
  } satisfies ProblemDetails;
  return c.body(JSON.stringify(body), 400, { "content-type": PROBLEM_JSON });
}

// Meta's manual login flow answers a refusal with these parameters (Facebook Login docs,
// "Manually Build a Login Flow": error_reason=user_denied&error=access_denied&error_description=Permissions+error.).
function redirectTarget(session: PopupSession): string {
  const { redirectUri, state } = session.request;
  const url = new URL(redirectUri ?? "about:blank");
  const outcome = session.outcome;
  if (outcome?.kind === "finish") {
    url.searchParams.set("code", outcome.result.code);
  } else {
    url.searchParams.set("error", "access_denied");
    url.searchParams.set("error_code", "200");
    url.searchParams.set("error_description", "Permissions error.");
    url.searchParams.set("error_reason", "user_denied");
  }
  if (state !== undefined) url.searchParams.set("state", state);
  return url.toString();
}

/**
 * The Embedded Signup dialog: `GET /{version}/dialog/oauth` (opened by `FB.login` as a popup,
 * or by a manual login flow as a full page), the screens under `/dialog/embedded-signup/{id}`,
 * the popup script, and (with `control`) `POST /__sandbox/autopilot` and `/__sandbox/popup-settings`.
 *
 * @example
 * const { app } = createPopupRoutes({ backend, control: true });
 * root.route("/", app);
 */
export function createPopupRoutes(options: PopupRoutesOptions): {
  app: Hono;
  autopilots: AutopilotStore;
} {
  const { backend } = options;
  const maxSessions = options.maxSessions ?? 500;
  const sessions = new Map<string, PopupSession>();
  const autopilots = new AutopilotStore();
  const settings = { verification: false };
  let generation = backend.generation();
  // A rebuilt world (reset, new scenario) drops popups, autopilot and settings of the old one.
  const sync = () => {
    const current = backend.generation();
    if (current === generation) return;
    generation = current;
    sessions.clear();
    autopilots.clear();
    settings.verification = false;
  };
  const app = new Hono();

  const page = (html: string, status: 200 | 400 | 404 = 200) =>
    new Response(html, { status, headers: PAGE_HEADERS });

  const show = (session: PopupSession): Response => {
    if (!session.outcome) {
      return page(renderScreen(session, backend.partner().appName, backend.businesses()));
    }
    if (session.request.display === "page") {
      return new Response(null, {
        status: 302,
        headers: { location: redirectTarget(session), "cache-control": "no-store" },
      });
    }
    // The messages go out once: a reload or a second click must not post them again.
    const posts = session.delivered ? [] : openerPosts(session);
    session.delivered = true;
    return page(
      renderEndPage(session.language, { targetOrigin: session.request.openerOrigin, posts }),
    );
  };

  const dialog = (c: { req: { url: string } }): Response => {
    sync();
    const query = new URL(c.req.url).searchParams;
    const parsed = parseDialogRequest(query, backend.partner());
    if (!parsed.ok) {
      const origin = query.get("display") === "popup" ? safeOrigin(query.get("origin")) : undefined;
      return page(
        renderDialogError(
          languageOfLocale(query.get("locale") ?? undefined),
          parsed.message,
          origin,
        ),
        400,
      );
    }
    const extras = { autopilot: autopilots.take(), verification: settings.verification };
    const session = openSession(parsed.request, backend, extras);
    sessions.set(session.id, session);
    while (sessions.size > maxSessions) sessions.delete(sessions.keys().next().value as string);
    return show(session);
  };
  app.get("/:version{v[0-9]+\\.[0-9]+}/dialog/oauth", dialog);
  app.get("/dialog/oauth", dialog);

  app.get("/dialog/embedded-signup/:id", (c) => {
    sync();
    const session = sessions.get(c.req.param("id"));
    return session
      ? show(session)
      : page(renderDialogError("en", "This signup session has ended.", undefined), 404);
  });

  app.post("/dialog/embedded-signup/:id", async (c) => {
    sync();
    const session = sessions.get(c.req.param("id"));
    if (!session)
      return page(renderDialogError("en", "This signup session has ended.", undefined), 404);
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const fields: StepFields = {};
    for (const [key, value] of Object.entries(body))
      if (typeof value === "string") fields[key] = value;
    submitStep(session, fields.action === "cancel" ? "cancel" : "next", fields, backend);
    // Post/redirect/get would lose nothing here, but Meta's dialog answers the POST directly too.
    return show(session);
  });

  app.get(POPUP_SCRIPT_PATH, (c) =>
    c.body(POPUP_SCRIPT, 200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "no-store",
    }),
  );

  if (options.control) {
    app.post("/__sandbox/autopilot", async (c) => {
      sync();
      const body: unknown = await c.req.json().catch(() => undefined);
      const parsed = parseAutopilot(body);
      if (!parsed.ok) return problem(c, parsed.errors);
      autopilots.arm(parsed.autopilot);
      return c.json({ armed: parsed.autopilot });
    });
    app.post("/__sandbox/popup-settings", async (c) => {
      sync();
      const body: unknown = await c.req.json().catch(() => undefined);
      const verification = (body as { verification?: unknown } | undefined)?.verification;
      if (typeof verification !== "boolean") {
        return problem(c, [
          { path: "verification", message: "verification must be true or false." },
        ]);
      }
      settings.verification = verification;
      return c.json({ ...settings });
    });
  }
  return { app, autopilots };
}

function safeOrigin(value: string | null): string | undefined {
  try {
    const url = new URL(value ?? "");
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
