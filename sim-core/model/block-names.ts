/**
 * Names of the blocks and stations components emit for their call sites. Blocks with `#` are not
 * operations (`#` cannot appear in a `component.operation` target), so only steps reach them.
 * Kept apart from steps.ts and the component files so both can name them without importing each
 * other.
 */
export const cacheGetBlock = (cache: string) => `${cache}#get`;
export const cacheSetBlock = (cache: string) => `${cache}#set`;
export const externalCallBlock = (external: string) => `${external}#call`;
export const databaseQueryBlock = (database: string, type: string) => `${database}#${type}`;
/** A query of `type` made through `caller`'s connection pool: holds a connection, then runs the query. */
export const databasePoolQueryBlock = (database: string, type: string, caller: string) => `${database}#${type}@${caller}`;
/** The connection pools `caller`'s replicas hold to `database` (one pool per replica). */
export const poolStationName = (database: string, caller: string) => `${database}.pool.${caller}`;
/** What a publisher runs: the publish latency, then the hand-off. */
export const queuePublishBlock = (queue: string) => `${queue}#publish`;
/** What a message runs: wait for a consumer (partition) and call the consumer operation. */
export const queueDeliverBlock = (queue: string) => `${queue}#deliver`;
/** Stream of a cache's hit/miss draws, apart from its latency draws (so CRN keeps both aligned). */
export const cacheHitStream = (cache: string) => `${cache}.hit`;
/** Builder memo key of a cache's id (call sites and the cache component share it). */
export const cacheIdKey = (cache: string) => `cache:${cache}`;
