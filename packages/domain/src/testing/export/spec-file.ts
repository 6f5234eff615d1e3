/** What every exported spec file starts with: where it came from, and what its test is called. */
export interface SpecHeader {
  /** Comment lines at the top of the file (the event, the command, the versions read). */
  readonly provenance: readonly string[];
  /** The describe block's name. */
  readonly title: string;
  /** The test's name. */
  readonly name: string;
}

/** The names the rendered code uses from each package; sorted and deduplicated here. */
export interface SpecImports {
  readonly domain: readonly string[];
  readonly testing: readonly string[];
}

/** A whole test file around one given/when/then (or given/then) call: the code is already indented by 4. */
export function specFile(header: SpecHeader, imports: SpecImports, preamble: string, call: string): string {
  const names = (list: readonly string[]) => [...new Set(list)].sort().join(", ");
  return [
    ...header.provenance.map((line) => `// ${line}`.trimEnd()),
    `import { describe, it } from "vitest";`,
    ...(imports.domain.length > 0 ? [`import { ${names(imports.domain)} } from "@chronicle/domain";`] : []),
    `import { ${names(imports.testing)} } from "@chronicle/domain/testing";`,
    "",
    ...(preamble ? [preamble, ""] : []),
    `describe(${JSON.stringify(header.title)}, () => {`,
    `  it(${JSON.stringify(header.name)}, () => {`,
    call,
    "  });",
    "});",
    "",
  ].join("\n");
}

/** A file name for a spec: the parts joined by dashes, anything but letters, digits, dot and dash replaced. */
export function specFileName(...parts: readonly (string | number)[]): string {
  return `${parts.map((part) => String(part).replace(/[^A-Za-z0-9.-]+/g, "_")).join("-")}.test.ts`;
}
