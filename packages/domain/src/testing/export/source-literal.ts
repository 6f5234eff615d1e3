/** Code inside a literal (a `fold(...)` call), rendered at the indentation where it lands. */
export class SourceCode {
  constructor(readonly render: (indent: number) => string) {}
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** Lines up to this long stay on one line. */
const WIDTH = 110;

/**
 * A JSON-like value as TypeScript source: keys bare where they are identifiers, short values on one line, longer
 * ones one entry per line. `__proto__` is written as a computed key, which defines a property instead of setting
 * the prototype.
 */
export function sourceOf(value: unknown, indent = 0): string {
  const flat = flatSourceOf(value);
  if (!flat.includes("\n") && indent + flat.length <= WIDTH) return flat;
  if (value instanceof SourceCode) return value.render(indent);
  const pad = " ".repeat(indent + 2);
  if (Array.isArray(value)) {
    return `[\n${value.map((item) => `${pad}${sourceOf(item, indent + 2)},\n`).join("")}${" ".repeat(indent)}]`;
  }
  if (isObject(value)) {
    const entries = Object.entries(value).map(([key, item]) => `${pad}${keyOf(key)}: ${sourceOf(item, indent + 2)},\n`);
    return `{\n${entries.join("")}${" ".repeat(indent)}}`;
  }
  return flat;
}

/**
 * A call at `indent`: `name(a, b)` on one line when it fits, each argument on a line of its own when it does not,
 * and a lone argument (an array, an object) left to open and close its own brackets.
 */
export function callSourceOf(name: string, args: readonly unknown[], indent: number): string {
  const flat = args.map((arg) => flatSourceOf(arg));
  const line = `${name}(${flat.join(", ")})`;
  if (!line.includes("\n") && indent + line.length <= WIDTH) return line;
  if (args.length === 1) return `${name}(${sourceOf(args[0], indent)})`;
  const pad = " ".repeat(indent + 2);
  return `${name}(\n${args.map((arg) => `${pad}${sourceOf(arg, indent + 2)},\n`).join("")}${" ".repeat(indent)})`;
}

function flatSourceOf(value: unknown): string {
  if (value instanceof SourceCode) return value.render(0);
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return `[${value.map(flatSourceOf).join(", ")}]`;
  if (isObject(value)) {
    const entries = Object.entries(value).map(([key, item]) => `${keyOf(key)}: ${flatSourceOf(item)}`);
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  return JSON.stringify(value);
}

function keyOf(key: string): string {
  if (key === "__proto__") return `[${JSON.stringify(key)}]`;
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
