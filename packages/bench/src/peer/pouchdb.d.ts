// The little of PouchDB's API the peer benchmark uses (the package ships no types).
declare module 'pouchdb' {
  interface ReplicationResult {
    ok: boolean;
    docs_written: number;
  }
  interface Database {
    bulkDocs(docs: object[]): Promise<unknown[]>;
    info(): Promise<{ doc_count: number }>;
    close(): Promise<void>;
    replicate: {
      to(target: string, options?: { batch_size?: number }): Promise<ReplicationResult>;
      from(source: string, options?: { batch_size?: number }): Promise<ReplicationResult>;
    };
  }
  const PouchDB: new (name: string) => Database;
  export default PouchDB;
}
