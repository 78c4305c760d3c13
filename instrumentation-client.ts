// Runs in the browser before any of the app's code. Zod compiles object schemas with
// `new Function` when it may; its probe for that is refused by the content security
// policy (no 'unsafe-eval') and reported as a violation even though Zod catches it.
// Zod reads its settings from this global, so setting it here needs no import of Zod.
const zodSettings = globalThis as typeof globalThis & { __zod_globalConfig?: Record<string, unknown> };
zodSettings.__zod_globalConfig = { ...zodSettings.__zod_globalConfig, jitless: true };
