/**
 * Word layouts shared by every PDF this process builds. pdfkit shapes each
 * word with fontkit (OpenType substitution and positioning: the costliest
 * step of a report) and caches the result per font of one document, so a
 * ZIP of a hundred reports shaped the same words a hundred times. Fonts are
 * parsed once per process (./pdf-fonts.ts), so their layouts are the same in
 * every document, and the writer hands each document's fonts these caches.
 *
 * The caches are emptied every LAYOUT_CACHE_FLUSH characters laid out:
 * text of distinct words (a 1 MiB article of random text) would otherwise
 * hold a glyph position per character, and the collector spends more time
 * than the layout.
 */

/** Characters laid out between two flushes (UTF-16 units). */
const LAYOUT_CACHE_FLUSH = 262_144;

type Cache = Record<string, unknown>;
type EmbeddedFont = { layoutCache?: Cache };

const caches = new Map<string, Cache>();
let laidOut = 0;

const cacheFor = (key: string) => {
  let cache = caches.get(key);
  if (!cache) caches.set(key, (cache = Object.create(null) as Cache));
  return cache;
};

const fontsOf = (doc: PDFKit.PDFDocument) => (doc as unknown as { _fontFamilies: Record<string, EmbeddedFont> })._fontFamilies;

/** Which shared cache each font of a document uses. */
const keysOf = new WeakMap<PDFKit.PDFDocument, Record<string, string>>();

function attach(doc: PDFKit.PDFDocument, keys: Record<string, string>) {
  const fonts = fontsOf(doc);
  for (const [name, key] of Object.entries(keys)) if (fonts[name]) fonts[name].layoutCache = cacheFor(key);
}

/**
 * Loads the fonts `keys` names (registered name → the font file it is, the
 * same file under the same key in every document) into `doc`, each with its
 * shared cache.
 */
export function shareLayoutCaches(doc: PDFKit.PDFDocument, keys: Record<string, string>) {
  for (const name of Object.keys(keys)) doc.font(name);
  keysOf.set(doc, keys);
  attach(doc, keys);
}

/** Counts `chars` about to be laid out in `doc`; past the budget, every cache is emptied (and `doc`'s fonts get new ones). */
export function countLaidOut(doc: PDFKit.PDFDocument, chars: number) {
  laidOut += chars;
  if (laidOut <= LAYOUT_CACHE_FLUSH) return;
  laidOut = 0;
  caches.clear();
  attach(doc, keysOf.get(doc) ?? {});
}
