import * as z from "zod/mini";
import { PagingSchema } from "./common.js";

/**
 * `GET /{waba-id}/assigned_users?business=` (OpenAPI `getAssignedUsers`): the users with tasks on
 * a WABA. Meta's "Manage System Users" example also lists each user's `tasks`.
 *
 * @example
 * AssignedUsersResponseSchema.parse({ data: [{ id: "1972555232742222", name: "My System User", tasks: ["MANAGE"] }] });
 */
export const AssignedUsersResponseSchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      name: z.optional(z.string()),
      tasks: z.optional(z.array(z.string())),
    }),
  ),
  paging: z.optional(PagingSchema),
});
/**
 * See {@link AssignedUsersResponseSchema}.
 *
 * @example
 * const manages = (users: AssignedUsersResponse, id: string) => users.data.some((u) => u.id === id && u.tasks?.includes("MANAGE"));
 */
export type AssignedUsersResponse = z.infer<typeof AssignedUsersResponseSchema>;
