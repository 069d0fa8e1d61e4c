import { useSyncExternalStore } from "react";

/** The demo's pages; the hash keeps them apart without a router. */
export type DemoRoute = "customer" | "operator" | "sandbox";

/**
 * Reads a route from a location hash (`#/operator` → `operator`; anything else → `customer`).
 *
 * @example
 * routeFromHash("#/sandbox"); // "sandbox"
 */
export function routeFromHash(hash: string): DemoRoute {
  const name = hash.replace(/^#\/?/, "");
  return name === "operator" || name === "sandbox" ? name : "customer";
}

const subscribe = (listener: () => void) => {
  window.addEventListener("hashchange", listener);
  return () => window.removeEventListener("hashchange", listener);
};

/**
 * The current page, following `hashchange`.
 *
 * @example
 * const route = useHashRoute();
 */
export function useHashRoute(): DemoRoute {
  return useSyncExternalStore(
    subscribe,
    () => routeFromHash(window.location.hash),
    () => "customer" as const,
  );
}
