import type { DebugTokenResponse, DoctorResponse } from "@wa-migrate/contracts";

type Check = DoctorResponse["checks"][number];

const WHERE = "Business Settings > Users > System users";

/**
 * The `system_user` check of `GET /doctor`, from the system token's `debug_token`: the kit adds
 * that token's user to each customer's new account before the credit share (decision 032), so the
 * token must belong to a system user (`type` `SYSTEM_USER`), and a configured `systemUserId` must
 * be that user; another id would be added instead of ours, and Meta names ours as the share's
 * prerequisite.
 *
 * @example
 * checks.push(systemUserCheck(debug, options.systemUserId));
 */
export function systemUserCheck(
  debug: PromiseSettledResult<DebugTokenResponse>,
  configured: string | undefined,
): Check {
  const id = "system_user";
  if (debug.status === "rejected" || !debug.value.data.is_valid) {
    return {
      id,
      ok: false,
      message: "The system token could not be inspected, so its system user is unknown.",
      remedy: "Fix the system_token check first.",
    };
  }
  const { type, user_id: userId } = debug.value.data;
  if (type !== undefined && type !== "SYSTEM_USER") {
    return {
      id,
      ok: false,
      message: `The system token is a ${type} token, not a system user's.`,
      remedy: `Generate the token for a system user in ${WHERE}: Meta needs that user on each new account before the credit share.`,
    };
  }
  if (!userId) {
    return {
      id,
      ok: configured !== undefined,
      message: configured
        ? `debug_token names no user; the configured systemUserId ${configured} is used.`
        : "debug_token names no user for the system token.",
      ...(configured ? {} : { remedy: `Set systemUserId to the system user's id from ${WHERE}.` }),
    };
  }
  if (configured && configured !== userId) {
    return {
      id,
      ok: false,
      message: `systemUserId ${configured} is not the system token's user (${userId}).`,
      remedy: "Set systemUserId to the token's user, or leave it unset to read it from the token.",
    };
  }
  return {
    id,
    ok: true,
    message: `System user ${userId} is added to each new account before the credit share.`,
  };
}
