const ids = new WeakMap<object, number>();
let nextId = 0;

function identity(value: object): string {
  let id = ids.get(value);
  if (id === undefined) {
    nextId += 1;
    id = nextId;
    ids.set(value, id);
  }
  return `#ref${id}`;
}

const isPlain = (value: object) => {
  const proto = Object.getPrototypeOf(value);
  return Array.isArray(value) || proto === Object.prototype || proto === null;
};

/**
 * A string that changes when a configuration value changes: plain data (strings, arrays, literal
 * objects such as `signupExtras`) by value, so inline literals do not restart the flow; functions
 * and class instances (a `client`, an injected SDK loader) by identity.
 *
 * @example
 * configKey({ appId: "1", allowedOrigins: ["https://x"] }) === configKey({ appId: "1", allowedOrigins: ["https://x"] }); // true
 */
export function configKey(...values: unknown[]): string {
  return JSON.stringify(values, (_key, value: unknown) => {
    if (typeof value === "function") return identity(value);
    if (value !== null && typeof value === "object" && !isPlain(value)) return identity(value);
    return value;
  });
}
