import { expect, test } from "vitest";
import { buildLoginDialogUrl, readLoginRedirect, withoutLoginParams } from "./login-redirect.js";

test("the Login dialog URL carries the configuration, a code response and the state", () => {
  const url = new URL(
    buildLoginDialogUrl({
      appId: "1234",
      configId: "5678",
      redirectUri: "https://portal.example/onboard?x=1",
      state: "s-1",
      graphVersion: "v26.0",
    }),
  );
  expect(url.origin + url.pathname).toBe("https://www.facebook.com/v26.0/dialog/oauth");
  expect(Object.fromEntries(url.searchParams)).toEqual({
    client_id: "1234",
    redirect_uri: "https://portal.example/onboard?x=1",
    state: "s-1",
    config_id: "5678",
    response_type: "code",
    override_default_response_type: "true",
    extras: JSON.stringify({ setup: {} }),
  });
});

test("the dialog host can point at the sandbox", () => {
  const url = buildLoginDialogUrl({
    appId: "1",
    configId: "2",
    redirectUri: "http://127.0.0.1:3000/",
    state: "s",
    dialogBaseUrl: "http://127.0.0.1:4010/",
    graphVersion: "v26.0",
  });
  expect(url.startsWith("http://127.0.0.1:4010/v26.0/dialog/oauth?")).toBe(true);
});

test.each([
  ["no dialog parameters", "https://p.example/onboard", "s-1", null],
  [
    "a code with our state",
    "https://p.example/onboard?code=AQB&state=s-1#_=_",
    "s-1",
    { type: "code", code: "AQB" },
  ],
  [
    "a code with another state",
    "https://p.example/onboard?code=AQB&state=evil",
    "s-1",
    { type: "state_mismatch" },
  ],
  [
    "a code when we sent no state",
    "https://p.example/onboard?code=AQB&state=s-1",
    null,
    { type: "state_mismatch" },
  ],
  [
    "Meta's denial",
    "https://p.example/onboard?error=access_denied&error_reason=user_denied&error_description=Permissions+error&state=s-1",
    "s-1",
    {
      type: "denied",
      error: "access_denied",
      reason: "user_denied",
      description: "Permissions error",
    },
  ],
  [
    "an app failure (error_code and error_message, no state)",
    "https://p.example/onboard?error_code=1349126&error_message=App+Not+Setup%3A+This+app+is+still+in+development+mode.#_=_",
    "s-1",
    {
      type: "denied",
      error: "1349126",
      reason: null,
      description: "App Not Setup: This app is still in development mode.",
    },
  ],
  ["no parameters of the dialog", "https://p.example/onboard?tab=2", "s-1", null],
])("return address with %s", (_name, href, state, expected) => {
  expect(readLoginRedirect(href, state)).toEqual(expected);
});

test("the dialog's parameters are removed from the address, the page's own are kept", () => {
  expect(withoutLoginParams("https://p.example/onboard?tab=2&code=AQB&state=s-1#_=_")).toBe(
    "https://p.example/onboard?tab=2",
  );
});
