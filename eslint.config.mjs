import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

/**
 * The layers (see docs: the shape of the house): data flows app/ → lib/ →
 * db/, and components/ only render what they are handed.
 */
const boundaryZones = [
  {
    target: "./components",
    from: ["./db", "./app"],
    message: "components/ render what they are given: pass data and server actions in as props.",
  },
  {
    target: "./db",
    from: ["./lib", "./app", "./components"],
    message: "db/ is a leaf: hand it what it needs (settings, values) instead of importing them.",
  },
  {
    target: "./lib",
    from: ["./app", "./components"],
    message: "lib/ is called by app/, never the other way round.",
  },
];

/** Files that may read process.env directly (everything else asks lib/env.ts). */
const processEnvReaders = [
  // The validated environment module itself.
  "lib/env.ts",
  // NEXT_RUNTIME and NEXT_PHASE are set by Next.js for this hook; it must stay
  // free of imports so the edge bundle of it stays empty.
  "instrumentation.ts",
  // Next.js loads its config before any module of ours; it reads the deployment id (lib/env.ts
  // validates the same variables at start).
  "next.config.js",
  // The test harnesses and the benchmark configure the app they start through its environment.
  "tests/**",
  "scripts/bench.ts",
  "scripts/bench/**",
  "scripts/cluster.ts",
  "scripts/cluster/**",
  "scripts/loadtest.ts",
  "scripts/loadtest/**",
  // next.config.js and the Redis cache handlers run outside the app's bundle (Node loads them
  // itself, before or beside the app), so they cannot import lib/env.ts; they read REDIS_URL
  // and MARQUEE_REDIS_PREFIX only, which lib/env.ts validates for the app.
  "next.config.js",
  "lib/cache/redis/*.mjs",
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "import/no-restricted-paths": ["error", { zones: boundaryZones }],
      "no-restricted-syntax": [
        "error",
        {
          // process.env.NODE_ENV is allowed: bundlers replace it at build time,
          // which is what lets a production build drop development-only code.
          selector:
            "MemberExpression[object.name='process'][property.name='env']:not(MemberExpression[property.name='NODE_ENV'] > MemberExpression.object)",
          message: "Read settings through env() from lib/env.ts, the one validated module that reads process.env.",
        },
      ],
    },
  },
  {
    files: processEnvReaders,
    rules: { "no-restricted-syntax": "off" },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its error; a promise
    // where a void callback is expected runs unobserved. Form actions are the
    // exception React designs for (<form action={serverAction}>).
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // useTestDatabase() registers vitest hooks; it is not a React hook.
    files: ["tests/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    ignores: [".next/**", "node_modules/**", ".data/**", "test-results/**", "db/migrations/**", "next-env.d.ts"],
  },
];

export default config;
