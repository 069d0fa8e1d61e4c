import type { QualityRating } from "@wa-migrate/contracts";
import { signPayload } from "@wa-migrate/sandbox";
import type { bffWithSandbox } from "./bff-with-sandbox.js";

/** The copy a quality change is about, as the sandbox keeps it. */
interface RatedCopy {
  id: string;
  name: string;
  language: string;
}

/**
 * Posts to the BFF's `/webhooks`, signed with the app secret, Meta's
 * `message_template_quality_update` for `copy` with entry time `time` (Unix seconds): a delivery
 * a test places at a moment of its choosing (late, out of order, in the middle of a step), which
 * the sandbox's own webhooks, sent at its clock's time, cannot. Ids are numbers, as Meta sends them.
 *
 * @example
 * const answer = await postQualityUpdate(h, signup.waba_id, copy, "GREEN", copy.quality.date - 3600);
 */
export async function postQualityUpdate(
  h: Awaited<ReturnType<typeof bffWithSandbox>>,
  wabaId: string,
  copy: RatedCopy,
  score: QualityRating,
  time: number,
): Promise<Response> {
  const body = JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: wabaId,
        time,
        changes: [
          {
            field: "message_template_quality_update",
            value: {
              previous_quality_score: "UNKNOWN",
              new_quality_score: score,
              message_template_id: "ID",
              message_template_name: copy.name,
              message_template_language: copy.language,
            },
          },
        ],
      },
    ],
  }).replace('"ID"', copy.id);
  return h.bff.request("/webhooks", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-hub-signature-256": signPayload(body, h.partner.app_secret),
    },
    body,
  });
}
