export * from "./auth";
export * from "./films";
export * from "./reviews";
export * from "./comments";
export * from "./moderation";
export * from "./imports";
export * from "./import-items";
export * from "./community";
