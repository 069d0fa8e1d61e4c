import type { Sandbox } from "../../engine/sandbox.js";
import { apiError, GraphError } from "../graph-error.js";

/** Meta's limit on an alternate callback URL ("Webhook overrides": "Maximum 200 characters"). */
const MAX_OVERRIDE_LENGTH = 200;

/** Meta verifies an override URI with the same GET challenge as an app callback (facts §3.6, §5.1). */
async function challengeFailure(
  outbound: (request: Request) => Promise<Response>,
  uri: string,
  verifyToken: string,
  challenge: string,
): Promise<string | undefined> {
  const url = new URL(uri);
  url.searchParams.set("hub.mode", "subscribe");
  url.searchParams.set("hub.challenge", challenge);
  url.searchParams.set("hub.verify_token", verifyToken);
  try {
    const response = await outbound(new Request(url, { method: "GET" }));
    const text = await response.text();
    if (response.status !== 200) return `HTTP Status Code = ${response.status}`;
    if (text.trim() !== challenge)
      return "The URL couldn't be validated. Response does not match challenge";
    return undefined;
  } catch {
    return "The URL couldn't be validated. Couldn't connect to server";
  }
}

/**
 * Checks an alternate callback as Meta does for a WABA (`POST /{waba}/subscribed_apps`) or a
 * number (`webhook_configuration`): a verify token, an http(s) URL of at most 200 characters
 * (#100), and Meta's GET challenge answered with the challenge (else #2200).
 *
 * @example
 * await verifyOverrideCallback(sandbox, "https://partner.example/wa", "s3cret");
 */
export async function verifyOverrideCallback(
  sandbox: Sandbox,
  uri: string,
  verifyToken: string | undefined,
): Promise<void> {
  if (!verifyToken)
    throw apiError(100, { details: "verify_token is required with override_callback_uri" });
  let parsed: URL | undefined;
  try {
    parsed = new URL(uri);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol) || uri.length > MAX_OVERRIDE_LENGTH) {
    throw apiError(100, {
      details: "override_callback_uri must be a valid URL of at most 200 characters",
    });
  }
  const challenge = sandbox.traceRng.digits(10);
  const failure = await challengeFailure(sandbox.outbound, uri, verifyToken, challenge);
  if (failure) {
    throw new GraphError({
      code: 2200,
      type: "OAuthException",
      message: `(#2200) Callback verification failed with the following errors: ${failure}`,
    });
  }
}
