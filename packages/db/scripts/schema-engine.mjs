// Authors and checks migrations with Prisma's WebAssembly schema engine (the
// native one cannot be downloaded here). The shadow database is an in-memory
// PGlite, so no PostgreSQL is needed.
//   new <name>  write the SQL that takes the committed migrations to schema.prisma
//   check       fail when schema.prisma and the migrations disagree (drift)
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message() {} };
const { SchemaEngine } = await import('@prisma/schema-engine-wasm');

const root = new URL('..', import.meta.url).pathname;
const schemaPath = join(root, 'prisma/schema.prisma');
const baseDir = join(root, 'prisma/migrations');
const schema = readFileSync(schemaPath, 'utf8');
const lockfile = { path: 'migration_lock.toml', content: 'provider = "postgresql"\n' };

const migrationDirectories = readdirSync(baseDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()
  .map((name) => ({
    path: join(baseDir, name),
    migrationFile: {
      path: 'migration.sql',
      content: { tag: 'ok', value: readFileSync(join(baseDir, name, 'migration.sql'), 'utf8') },
    },
  }));

const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(new PGlite()));
const engine = await SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => {}, factory);
const { stdout } = await engine.diff({
  from: { tag: 'migrations', baseDir, lockfile, migrationDirectories, shadowDbInitScript: '' },
  to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
  script: true,
  exitCode: null,
  filters: { externalTables: [], externalEnums: [] },
});
const empty = !stdout || stdout.includes('This is an empty migration.');

const [command, name] = process.argv.slice(2);
if (command === 'check') {
  if (!empty) {
    console.error(`schema.prisma differs from the migrations; run \`pnpm migration:new <name>\`:\n${stdout}`);
    process.exit(1);
  }
  console.log(`migrations match schema.prisma (${migrationDirectories.length} migrations)`);
} else if (command === 'new' && name) {
  if (empty) {
    console.log('schema.prisma matches the migrations: nothing to write');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = join(baseDir, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'migration.sql'), stdout);
    writeFileSync(join(baseDir, lockfile.path), lockfile.content);
    console.log(`wrote ${dir}/migration.sql`);
  }
} else {
  console.error('usage: schema-engine.mjs new <name> | check');
  process.exit(2);
}
process.exit(0);
