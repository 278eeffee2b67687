// The peer's server, in its own Node process: express-pouchdb (PouchDB's
// CouchDB-compatible HTTP server) on LevelDB, on 127.0.0.1. Started by
// peer/pouch.ts as `node couch-server.mjs <port> <data dir>`; prints "ready"
// once it listens.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const PouchDB = require('pouchdb');
const expressPouchDB = require('express-pouchdb');

const [port, dir] = process.argv.slice(2);
const Db = PouchDB.defaults({ prefix: `${dir}/` });
const app = expressPouchDB(Db, {
  mode: 'minimumForPouchDB',
  logPath: `${dir}/log.txt`,
  configPath: `${dir}/config.json`,
});
app.listen(Number(port), '127.0.0.1', () => console.log('ready'));
