import type { EmbeddedSignupMessage } from "@wa-migrate/contracts";
import { SDK_CHANNEL } from "../sdk/sdk-source.js";
import type { PopupOutcome, PopupSession } from "./popup-session.js";

/** A message the popup posts to its opener, as the JSON string it sends. */
export type OpenerPost = string;

/**
 * The popup's message to the SDK: `auth` (with `authResponse`), `cancel`, or `error` (misuse).
 *
 * @example
 * sdkMessage("cancel"); // '{"type":"WA_SANDBOX_SDK","kind":"cancel"}'
 */
export function sdkMessage(
  kind: "auth" | "cancel" | "error",
  extra: Record<string, unknown> = {},
): OpenerPost {
  return JSON.stringify({ type: SDK_CHANNEL, kind, ...extra });
}

// Meta's samples carry `version: 3` on v2/v3 session messages and on CANCEL, and none on the v4
// FINISH sample or the error-shaped CANCEL (facts §1.5).
function sessionMessage(session: PopupSession, outcome: PopupOutcome): EmbeddedSignupMessage {
  const legacy = session.request.esVersion !== "v4";
  switch (outcome.kind) {
    case "finish": {
      const { wabaId, phoneNumberId, businessId } = outcome.result;
      if (phoneNumberId === undefined) {
        return {
          data: { waba_id: wabaId, business_id: businessId },
          type: "WA_EMBEDDED_SIGNUP",
          event: "FINISH_ONLY_WABA",
          version: 3,
        };
      }
      // The flow the page asked for names the finish (facts §1.3, §1.5); the sandbox picks the
      // app_only_install feature over a featureType when a page sends both (Meta is silent).
      const { featureType, features } = session.request;
      if (features.includes("app_only_install")) {
        return {
          data: { phone_number_id: phoneNumberId, waba_id: wabaId, business_id: businessId },
          type: "WA_EMBEDDED_SIGNUP",
          event: "FINISH_GRANT_ONLY_API_ACCESS",
          ...(legacy ? { version: 3 } : {}),
        };
      }
      if (featureType === "whatsapp_business_app_onboarding") {
        // Meta's coexistence sample carries the WABA only, with `version: 3`.
        return {
          data: { waba_id: wabaId },
          type: "WA_EMBEDDED_SIGNUP",
          event: "FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING",
          version: 3,
        };
      }
      return {
        data: { phone_number_id: phoneNumberId, waba_id: wabaId, business_id: businessId },
        type: "WA_EMBEDDED_SIGNUP",
        event: "FINISH",
        ...(legacy ? { version: 3 } : {}),
      };
    }
    case "cancel":
      return {
        data: { current_step: outcome.step },
        type: "WA_EMBEDDED_SIGNUP",
        event: "CANCEL",
        version: 3,
      };
    case "error": {
      const error = outcome.error;
      return {
        data: {
          error_message: error[session.language],
          error_id: error.errorId,
          session_id: session.id,
          timestamp: String(Math.floor(outcome.timestamp / 1000)),
        },
        type: "WA_EMBEDDED_SIGNUP",
        event: "CANCEL",
      };
    }
    default:
      return outcome satisfies never;
  }
}

/**
 * What the popup posts to the opener when a session ends, in the scenario's order: the
 * `WA_EMBEDDED_SIGNUP` session message as a JSON string (left out on v2 without
 * `sessionInfoVersion: "3"`, like Meta) and the SDK's own message that settles `FB.login`.
 *
 * @example
 * openerPosts(session); // ['{"data":{...},"type":"WA_EMBEDDED_SIGNUP","event":"FINISH"}', '{"type":"WA_SANDBOX_SDK","kind":"auth",...}']
 */
export function openerPosts(session: PopupSession): OpenerPost[] {
  const outcome = session.outcome;
  if (!outcome) return [];
  const sdk =
    outcome.kind === "finish"
      ? sdkMessage("auth", {
          authResponse: {
            code: outcome.result.code,
            userID: outcome.result.userId,
            expiresIn: 0,
            graphDomain: "facebook",
          },
        })
      : sdkMessage("cancel");
  if (!session.request.sessionMessages) return [sdk];
  const message = JSON.stringify(sessionMessage(session, outcome));
  return session.scenario.messageOrder === "message-first" ? [message, sdk] : [sdk, message];
}
