import { MigrationSchema, type QualityRating } from "@wa-migrate/contracts";
import { expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";
import { postQualityUpdate } from "../test-support/post-quality-update.js";

// A retried templates step lists the destination and takes each copy's quality from Graph, whose
// `quality_score` carries the time Meta set it (`date`, facts §3.16). Meta retries a failed webhook
// delivery for 36 h (facts §5.1), so a quality change older than that reading can still arrive
// afterwards, and must not undo it (decision 027).

const HOUR_S = 3_600;

test.each<{ read: QualityRating; late: QualityRating }>([
  { read: "YELLOW", late: "GREEN" },
  { read: "GREEN", late: "YELLOW" },
])(
  "a retry reads $read from Graph; an older $late webhook arriving later does not overwrite it",
  async ({ read, late }) => {
    let lost = false;
    const h = await bffWithSandbox("happy", {
      // The first copy request reaches Meta, which copies the templates (and by the retry has rated
      // them), but its answer is lost: the retry lists the destination and finds the copies there.
      fetch: async (input, init) => {
        const request = new Request(input, init);
        const answer = await h.graph.fetch(request);
        const copying = /\/(\d+)\/migrate_message_templates$/.exec(new URL(request.url).pathname);
        if (lost || !copying?.[1]) return answer;
        lost = true;
        const date = h.graph.sandbox.clock.nowSeconds();
        for (const copy of h.graph.sandbox.state.templatesOf(copying[1]))
          copy.quality = { score: read, date };
        throw new TypeError("fetch failed");
      },
    });
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    const done = await h.store.getMigration(m.id);
    expect(done?.steps.find((s) => s.id === "migrate_templates")?.attempts).toBe(2);
    // The retry read the copies' quality from the destination's list and copied nothing again.
    const calls = await h.calls();
    expect(calls.filter((c) => c.operation === "createMigrateMessageTemplates")).toHaveLength(1);
    const listed = calls.find(
      (c) =>
        c.operation === "getTemplateByNameDefaultFields" &&
        c.path === `/${signup.waba_id}/message_templates`,
    );
    expect(listed?.params.fields).toContain("quality_score");
    const copy = h.graph.sandbox.state.templatesOf(signup.waba_id)[0];
    if (!copy) throw new Error("Meta copied nothing");
    const line = async () =>
      MigrationSchema.parse(
        await (await h.bff.request(`/migrations/${m.id}`)).json(),
      ).templates.items.find((i) => i.destinationTemplateId === copy.id);
    expect((await line())?.destinationQuality).toBe(read);

    // Meta's delivery of a change an hour older than the quality the retry read.
    const answer = await postQualityUpdate(
      h,
      signup.waba_id,
      copy,
      late,
      copy.quality.date - HOUR_S,
    );
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ received: 1 });
    expect((await line())?.destinationQuality).toBe(read);
  },
);
