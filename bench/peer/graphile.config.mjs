// PostGraphile 5 over the same PostgreSQL as Linqin, for bench/peer.sh. Index-based behaviours are off so that
// unindexed columns (kind) can be filtered and the compound -> buildings relation is exposed, as Linqin offers them.
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";

export default {
  extends: [PostGraphileAmberPreset],
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ["public"], poolConfig: { max: 20 } })],
  grafserv: { port: Number(process.env.PORT), host: "127.0.0.1" },
  grafast: { explain: false },
};
