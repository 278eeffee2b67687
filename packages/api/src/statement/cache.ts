/** A page as sent: its UTF-8 bytes, encoded once. */
export interface MadePage {
  body: Uint8Array;
  /** The body gzipped, made the first time a door that can send it encoded asks. */
  gzipped?: Uint8Array;
}

/** A page's bytes, made once per page, so serving it again costs no encoding. */
export const madePage = (html: string): MadePage => ({ body: new TextEncoder().encode(html) });

/**
 * Statement pages already made, by what they were made from: the store's book version (its
 * newest change-log event), the customer, the language, the currency and the day. A page is
 * served again only while none of those has moved, so it is always the book as the server
 * holds it now; a viewer reloading a 5,000-entry statement costs two small queries, not a
 * render. Bounded by total size, oldest out first.
 */
export class PageCache {
  private readonly pages = new Map<string, MadePage>();
  /** Pages being made: viewers arriving meanwhile wait for the same one instead of each making it. */
  private readonly making = new Map<string, Promise<MadePage>>();
  private bytes = 0;

  constructor(private readonly maxBytes = 64 * 2 ** 20) {}

  get(key: string): MadePage | undefined {
    const page = this.pages.get(key);
    if (page !== undefined) {
      // Most recently used last.
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  set(key: string, page: MadePage): void {
    const size = (p: MadePage) => p.body.byteLength;
    if (size(page) > this.maxBytes) return;
    const old = this.pages.get(key);
    if (old !== undefined) {
      this.pages.delete(key);
      this.bytes -= size(old);
    }
    this.pages.set(key, page);
    this.bytes += size(page);
    for (const [k, p] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.pages.delete(k);
      this.bytes -= size(p);
    }
  }

  /** The page of `key`, made by `make` when there is none, once however many ask at the same time. */
  async getOrMake(key: string, make: () => Promise<MadePage>): Promise<MadePage> {
    const made = this.get(key);
    if (made) return made;
    let pending = this.making.get(key);
    if (!pending) {
      pending = make()
        .then((page) => {
          this.set(key, page);
          return page;
        })
        .finally(() => this.making.delete(key));
      this.making.set(key, pending);
    }
    return pending;
  }

  get size(): number {
    return this.pages.size;
  }
}
