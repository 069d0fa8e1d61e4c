const ids = new WeakMap<object, number>();
let nextId = 0;

function identity(value: object): string {
  if (!ids.has(value)) ids.set(value, ++nextId);
  return `#ref${ids.get(value)}`;
}

// Data (arrays, literal objects without methods) compares by value; anything with behaviour (an SDK,
// a client, a storage) by identity, since its internal state (call logs, caches) is not config.
const isData = (value: object) => {
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value).every((v) => typeof v !== "function");
};

/**
 * A string that changes when a configuration value changes. Each option is compared on its own:
 * plain data (strings, arrays, literal objects such as `signupExtras`) by value, so inline literals
 * do not restart the flow; functions, class instances and objects with methods (a `client`, an
 * injected `sdk`, a `storage`) by identity.
 *
 * @example
 * configKey({ appId: "1", allowedOrigins: ["https://x"] }) === configKey({ appId: "1", allowedOrigins: ["https://x"] }); // true
 */
export function configKey(options: object): string {
  const encode = (value: unknown) =>
    JSON.stringify(value, (_key, inner: unknown) => {
      if (typeof inner === "function") return identity(inner);
      if (inner !== null && typeof inner === "object" && !isData(inner)) return identity(inner);
      return inner;
    });
  return Object.entries(options)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${encode(value)}`)
    .join("&");
}
