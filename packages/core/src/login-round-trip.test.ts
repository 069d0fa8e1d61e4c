import { expect, test, vi } from "vitest";
import type { FlowStorage } from "./flow-storage.js";
import { createLoginRoundTrip } from "./login-round-trip.js";

function memoryStorage() {
  const items = new Map<string, string>();
  const storage: FlowStorage = {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
  return { items, storage };
}

function pageWindow(href: string) {
  const page = {
    location: { href, assign: vi.fn() },
    history: {
      state: null,
      replaceState: vi.fn((_state: unknown, _title: string, url: string) => {
        page.location.href = url;
      }),
    },
  };
  return page;
}

test("go keeps the state and the redirect_uri and sends the customer to the Login dialog", () => {
  const { items, storage } = memoryStorage();
  const page = pageWindow("https://portal.example/onboard");
  const trip = createLoginRoundTrip(storage, "k", page as unknown as Window);
  trip.go({ appId: "1234", configId: "5678", redirectUri: "https://portal.example/onboard" });
  const target = new URL(page.location.assign.mock.calls[0]?.[0] as string);
  expect(target.searchParams.get("state")).toBe(items.get("k:state"));
  expect(items.get("k:redirect_uri")).toBe("https://portal.example/onboard");
});

test("the answer is taken once: the address and the storage are cleaned", () => {
  const { items, storage } = memoryStorage();
  items.set("k:state", "s-1");
  items.set("k:redirect_uri", "https://portal.example/onboard");
  const page = pageWindow("https://portal.example/onboard?code=AQB&state=s-1#_=_");
  const trip = createLoginRoundTrip(storage, "k", page as unknown as Window);
  expect(trip.take()).toEqual({
    returned: { type: "code", code: "AQB" },
    redirectUri: "https://portal.example/onboard",
  });
  expect(page.location.href).toBe("https://portal.example/onboard");
  expect([...items.keys()]).toEqual([]);
  expect(trip.take()).toEqual({ returned: null, redirectUri: null });
});

test("a code on a page that never went to the dialog is left alone", () => {
  const { storage } = memoryStorage();
  const page = pageWindow("https://portal.example/onboard?code=AQB&state=s-1");
  const trip = createLoginRoundTrip(storage, "k", page as unknown as Window);
  expect(trip.take().returned).toBeNull();
  expect(page.location.href).toBe("https://portal.example/onboard?code=AQB&state=s-1");
});

test("without a window (server rendering) nothing is read or sent", () => {
  const { items, storage } = memoryStorage();
  items.set("k:state", "s-1");
  const trip = createLoginRoundTrip(storage, "k", undefined);
  expect(trip.take().returned).toBeNull();
  expect(items.get("k:state")).toBe("s-1");
});

const throwing: FlowStorage = {
  getItem: () => {
    throw new DOMException("The operation is insecure.", "SecurityError");
  },
  setItem: () => {
    throw new DOMException("The operation is insecure.", "SecurityError");
  },
  removeItem: () => {},
};

test.each([
  ["no storage (storage: null)", null],
  ["storage the browser blocks", throwing],
])(
  "with %s the trip is not started: the answer could not be checked on return",
  (_name, storage) => {
    const page = pageWindow("https://portal.example/onboard");
    const trip = createLoginRoundTrip(storage, "k", page as unknown as Window);
    expect(trip.keeps()).toBe(false);
    expect(
      trip.go({ appId: "1234", configId: "5678", redirectUri: "https://portal.example/onboard" }),
    ).toBe(false);
    expect(page.location.assign).not.toHaveBeenCalled();
  },
);

test("asking whether the storage keeps the state leaves a trip under way alone", () => {
  const { items, storage } = memoryStorage();
  items.set("k:state", "s-1");
  const trip = createLoginRoundTrip(storage, "k", pageWindow("https://portal.example/") as never);
  expect(trip.keeps()).toBe(true);
  expect([...items]).toEqual([["k:state", "s-1"]]);
});
