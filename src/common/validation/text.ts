/** `value` when it is a string, else `fallback`: for untyped input (form fields, query parameters, stored payloads). */
export const textOf = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

/** `text` parsed as JSON (a form field holding a WebAuthn response), or undefined when it is not JSON. */
export function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
