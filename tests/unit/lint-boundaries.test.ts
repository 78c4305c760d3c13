import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The project's own eslint.config.mjs, without type information: the boundary
// and environment rules need none, and a type-aware program of the whole tree
// would make this test take many seconds.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: false } },
    rules: { "@typescript-eslint/no-floating-promises": "off", "@typescript-eslint/no-misused-promises": "off" },
  },
});

/** The rule ids of the errors lint reports for `code` saved as `filePath`. */
async function errorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe("lint keeps the layers apart", () => {
  it("fails a component that imports the database", async () => {
    const errors = await errorsFor(
      "components/films/lint-fixture.tsx",
      'import { getDb } from "@/db/client";\n\nexport const open = getDb;\n',
    );
    expect(errors).toEqual([expect.stringMatching(/^import\/no-restricted-paths: .*"@\/db\/client".*components\//)]);
  });

  it("fails a component that imports from app/", async () => {
    const errors = await errorsFor(
      "components/films/lint-fixture.tsx",
      'import { metadata } from "@/app/layout";\n\nexport const siteMetadata = metadata;\n',
    );
    expect(errors).toEqual([expect.stringMatching(/^import\/no-restricted-paths: /)]);
  });

  it("fails db/ importing lib/, and lib/ importing app/", async () => {
    const fromDb = await errorsFor(
      "db/lint-fixture.ts",
      'import { env } from "@/lib/env";\n\nexport const read = env;\n',
    );
    expect(fromDb).toEqual([expect.stringMatching(/^import\/no-restricted-paths: .*db\/ is a leaf/)]);
    const fromLib = await errorsFor(
      "lib/films/lint-fixture.ts",
      'import RootLayout from "@/app/layout";\n\nexport const layout = RootLayout;\n',
    );
    expect(fromLib).toEqual([expect.stringMatching(/^import\/no-restricted-paths: /)]);
  });

  it("fails process.env outside lib/env.ts", async () => {
    const errors = await errorsFor("lib/films/lint-fixture.ts", "export const url = process.env.DATABASE_URL;\n");
    expect(errors).toEqual([expect.stringMatching(/^no-restricted-syntax: .*lib\/env\.ts/)]);
  });

  it("passes code that keeps to the layers", async () => {
    const component = await errorsFor(
      "components/films/lint-fixture.tsx",
      'import { formatHalfStars } from "@/lib/ratings/scale";\n\nexport function Score({ halfStars }: { halfStars: number }) {\n  return <span>{formatHalfStars(halfStars)}</span>;\n}\n',
    );
    expect(component).toEqual([]);
    const domain = await errorsFor(
      "lib/films/lint-fixture.ts",
      'import { getDb } from "@/db/client";\nimport { env } from "@/lib/env";\n\nexport const both = [getDb, env];\n',
    );
    expect(domain).toEqual([]);
  });
});
