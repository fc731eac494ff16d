/** `value` when it is a string, else `fallback`: for untyped input (form fields, query parameters, stored payloads). */
export const textOf = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
