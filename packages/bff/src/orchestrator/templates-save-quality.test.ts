import { MigrationSchema, type QualityRating } from "@wa-migrate/contracts";
import { expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";
import { postQualityUpdate } from "../test-support/post-quality-update.js";

// A retried templates step reads each copy's quality from Graph with the time Meta set it
// (`quality_score.date`) and saves it when the step ends. A quality webhook Meta delivers between
// that read and that save (late: Meta retries for 36 h, facts §5.1) is applied to the report first;
// the save must then order the two the way webhooks are ordered (decision 027): the later one wins,
// at the same second the worse rating.

const HOUR_S = 3_600;

/** A quality the retry reads, a webhook sent meanwhile (its time from the reading's), the end. */
interface Row {
  case: string;
  read: QualityRating;
  sent: QualityRating;
  offset: number;
  kept: QualityRating;
}

test.each<Row>([
  { case: "an hour older", read: "YELLOW", sent: "GREEN", offset: -HOUR_S, kept: "YELLOW" },
  { case: "an hour older", read: "GREEN", sent: "RED", offset: -HOUR_S, kept: "GREEN" },
  { case: "of the same second, better", read: "YELLOW", sent: "GREEN", offset: 0, kept: "YELLOW" },
  { case: "of the same second, worse", read: "GREEN", sent: "YELLOW", offset: 0, kept: "YELLOW" },
  { case: "an hour newer", read: "YELLOW", sent: "GREEN", offset: HOUR_S, kept: "GREEN" },
])(
  "the retry reads $read; a $sent webhook $case arriving before its save leaves $kept",
  async ({ read, sent, offset, kept }) => {
    let lost = false;
    let delivered: Response | undefined;
    const h = await bffWithSandbox("happy", {
      fetch: async (input, init) => {
        const request = new Request(input, init);
        const answer = await h.graph.fetch(request);
        const path = new URL(request.url).pathname;
        const copying = /\/(\d+)\/migrate_message_templates$/.exec(path);
        if (copying?.[1] && !lost) {
          // Meta copies and (by the retry) rates the templates, but its answer is lost.
          lost = true;
          const date = h.graph.sandbox.clock.nowSeconds();
          for (const copy of h.graph.sandbox.state.templatesOf(copying[1]))
            copy.quality = { score: read, date };
          throw new TypeError("fetch failed");
        }
        const listing = /\/(\d+)\/message_templates$/.exec(path);
        if (lost && !delivered && listing?.[1] && request.method === "GET") {
          // The retry has read the destination: Meta's webhook arrives before the step saves.
          const copy = h.graph.sandbox.state.templatesOf(listing[1])[0];
          if (!copy) throw new Error("Meta copied nothing");
          delivered = await postQualityUpdate(
            h,
            listing[1],
            copy,
            sent,
            copy.quality.date + offset,
          );
        }
        return answer;
      },
    });
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    const done = await h.store.getMigration(m.id);
    expect(done?.steps.find((s) => s.id === "migrate_templates")?.attempts).toBe(2);
    expect(delivered?.status).toBe(200);
    expect(await delivered?.json()).toMatchObject({ received: 1 });
    const calls = await h.calls();
    expect(calls.filter((c) => c.operation === "createMigrateMessageTemplates")).toHaveLength(1);
    const copy = h.graph.sandbox.state.templatesOf(signup.waba_id)[0];
    const line = MigrationSchema.parse(
      await (await h.bff.request(`/migrations/${m.id}`)).json(),
    ).templates.items.find((i) => i.destinationTemplateId === copy?.id);
    expect(line?.destinationQuality).toBe(kept);
  },
);
