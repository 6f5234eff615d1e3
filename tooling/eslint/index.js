import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Imports that mean I/O, a clock or a framework: the domain package must stay pure. */
const impureModules = [
  { name: "react", message: "The domain is UI-free." },
  { name: "drizzle-orm", message: "The domain knows no database." },
  { name: "postgres", message: "The domain knows no database." },
  { name: "@electric-sql/pglite", message: "The domain knows no database." },
  { name: "@chronicle/event-store", message: "Dependencies point one way: domain <- event-store." },
];
const impurePatterns = [
  { group: ["node:*"], message: "The domain does no I/O: no node:* imports." },
  { group: ["fs", "fs/*", "path", "net", "http", "https", "child_process", "crypto", "os", "worker_threads"], message: "The domain does no I/O." },
  { group: ["drizzle-orm/*", "next", "next/*", "@trpc/*"], message: "The domain knows no database and no framework." },
];

export const pureDomainRules = {
  "no-restricted-imports": ["error", { paths: impureModules, patterns: impurePatterns }],
  "no-restricted-globals": [
    "error",
    { name: "fetch", message: "The domain does no I/O." },
    { name: "process", message: "Configuration arrives as arguments, not from process." },
  ],
  "no-restricted-properties": [
    "error",
    { object: "Date", property: "now", message: "Time comes in through command metadata." },
    { object: "Math", property: "random", message: "Ids and randomness come in through command metadata." },
    { object: "crypto", property: "randomUUID", message: "Ids come in through command metadata." },
  ],
  "no-restricted-syntax": [
    "error",
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Time comes in through command metadata." },
  ],
};

export function chronicleConfig({ pureGlobs = [] } = {}) {
  return tseslint.config(
    { ignores: ["**/node_modules/**", "**/.next*/**", "**/dist/**", "**/.turbo/**", "**/next-env.d.ts", "**/.data/**", "**/drizzle/meta/**"] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
      rules: {
        "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
        "@typescript-eslint/consistent-type-imports": "error",
      },
    },
    {
      files: ["**/*.mjs", "**/*.js"],
      languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly" } },
    },
    ...pureGlobs.map((glob) => ({ files: [glob], ignores: ["**/*.test.ts"], rules: pureDomainRules })),
  );
}
