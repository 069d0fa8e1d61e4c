// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { Migration } from "@wa-migrate/contracts";
import { buildMigration } from "@wa-migrate/core/testing";
import { afterEach, expect, test } from "vitest";
import { MigrationDetail } from "./migration-detail.js";
import { type OperatorApi, OperatorApiError } from "./operator-api.js";

afterEach(cleanup);

const failed = buildMigration({
  status: "failed",
  updatedAt: "2026-11-25T10:05:00.000Z",
  steps: { capture_assets: "succeeded", share_credit_line: ["failed", "credit_share_failed"] },
});
const running = buildMigration({
  status: "running",
  updatedAt: "2026-11-25T10:06:00.000Z",
  steps: { capture_assets: "succeeded", share_credit_line: "running" },
});
const completed = buildMigration({ status: "completed", updatedAt: "2026-11-25T10:09:00.000Z" });

function apiAnswering(retry: () => Promise<Migration>): OperatorApi {
  return { retry, migrateTemplates: retry } as unknown as OperatorApi;
}

function detail(migration: Migration, api: OperatorApi) {
  return (
    <MigrationDetail
      migration={migration}
      api={api}
      signupEvents={[]}
      webhookEvents={[]}
      onChange={() => {}}
    />
  );
}

test("the retry notice shows until the polled migration moves past the status it reported", async () => {
  const view = render(
    detail(
      failed,
      apiAnswering(async () => running),
    ),
  );
  await act(async () =>
    fireEvent.click(screen.getByRole("button", { name: "Retry failed steps" })),
  );
  // Before the next poll the page still shows the failed record the retry started from.
  expect(screen.getByRole("status").textContent).toContain("Retry: the migration is running.");

  view.rerender(
    detail(
      running,
      apiAnswering(async () => running),
    ),
  );
  expect(screen.getByRole("status").textContent).toContain("Retry: the migration is running.");

  view.rerender(
    detail(
      completed,
      apiAnswering(async () => running),
    ),
  );
  expect(screen.queryByRole("status")).toBeNull();
});

test("a refused retry stays in view until the migration's status changes", async () => {
  const refuse = async (): Promise<Migration> => {
    throw new OperatorApiError("conflict", "Another request is changing this migration.", null);
  };
  const view = render(detail(failed, apiAnswering(refuse)));
  await act(async () =>
    fireEvent.click(screen.getByRole("button", { name: "Retry failed steps" })),
  );
  expect(screen.getByRole("status").textContent).toContain(
    "Retry refused (conflict): Another request is changing this migration.",
  );

  view.rerender(detail({ ...failed, updatedAt: "2026-11-25T10:07:00.000Z" }, apiAnswering(refuse)));
  expect(screen.getByRole("status").textContent).toContain("Retry refused (conflict)");

  view.rerender(detail(running, apiAnswering(refuse)));
  expect(screen.queryByRole("status")).toBeNull();
});
