/** Environment for Prisma CLI commands: never let them look for (or download) a native engine. */
export const PRISMA_OFFLINE_ENV = {
  PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
  PRISMA_QUERY_ENGINE_LIBRARY: "/dev/null",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
