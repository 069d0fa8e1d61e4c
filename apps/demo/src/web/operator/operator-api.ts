import {
  type Migration,
  MigrationListResponseSchema,
  MigrationSchema,
  ProblemDetailsSchema,
  type SignupEvent,
  SignupEventSchema,
  type WebhookEvent,
  WebhookEventSchema,
} from "@wa-migrate/contracts";

/** A failed operator request: the BFF's problem code and sentence (or why there was no answer). */
export class OperatorApiError extends Error {
  override readonly name = "OperatorApiError";
  constructor(
    readonly code: string,
    message: string,
    readonly remedy: string | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

async function request(url: string, init?: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: {
        accept: "application/json",
        ...(init?.body ? { "content-type": "application/json" } : {}),
      },
    });
  } catch (cause) {
    throw new OperatorApiError("bff_unreachable", `No answer from ${url}.`, null, { cause });
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const problem = ProblemDetailsSchema.safeParse(body);
    if (problem.success)
      throw new OperatorApiError(
        problem.data.code,
        problem.data.detail ?? problem.data.title,
        problem.data.remedy,
      );
    throw new OperatorApiError("internal_error", `${url} answered ${response.status}.`, null);
  }
  return body;
}

/** `{data: [...]}` with every item parsed by `parse`. */
function listOf<T>(body: unknown, parse: (item: unknown) => T): T[] {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data))
    throw new OperatorApiError("internal_error", "The answer has no data list.", null);
  return data.map(parse);
}

/**
 * The operator view's calls to the BFF (the same HTTP API the component uses, plus its operator
 * lists), every answer parsed with the contracts schemas.
 *
 * @example
 * const api = operatorApi("/wa");
 * const { data } = await api.listMigrations();
 */
export function operatorApi(base: string) {
  const root = base.replace(/\/+$/, "");
  const one = (id: string) => `${root}/migrations/${encodeURIComponent(id)}`;
  return {
    async listMigrations(): Promise<Migration[]> {
      return MigrationListResponseSchema.parse(await request(`${root}/migrations?limit=100`)).data;
    },
    async getMigration(id: string): Promise<Migration> {
      return MigrationSchema.parse(await request(one(id)));
    },
    async retry(id: string): Promise<Migration> {
      return MigrationSchema.parse(
        await request(`${one(id)}/retry`, { method: "POST", body: "{}" }),
      );
    },
    async migrateTemplates(id: string, templateIds?: string[]): Promise<Migration> {
      const body = JSON.stringify(templateIds ? { templateIds } : {});
      return MigrationSchema.parse(await request(`${one(id)}/templates`, { method: "POST", body }));
    },
    async listSignupEvents(): Promise<SignupEvent[]> {
      return listOf(await request(`${root}/signup-events?limit=100`), (item) =>
        SignupEventSchema.parse(item),
      );
    },
    async listWebhookEvents(): Promise<WebhookEvent[]> {
      return listOf(await request(`${root}/webhook-events?limit=100`), (item) =>
        WebhookEventSchema.parse(item),
      );
    },
  };
}

/** See {@link operatorApi}. */
export type OperatorApi = ReturnType<typeof operatorApi>;
