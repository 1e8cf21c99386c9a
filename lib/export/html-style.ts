/**
 * The HTML report's stylesheet, inlined so the file stands alone. Verdicts
 * differ by line style as well as colour (solid, double, dashed), so the
 * highlights survive black-and-white printing.
 *
 * The claims table is laid out by its content, and breaks words only where
 * one is wider than its column could ever be (a URL): with fixed column
 * widths and `overflow-wrap: anywhere`, the three right-hand columns shared
 * what was left after the quote and the rationale, about 110 px at full
 * width, and "Stoltenberg" broke after its tenth letter. The quote and the
 * rationale still get the most room; below 60rem, and on paper, every claim
 * is a card of labelled fields instead of a row of seven columns.
 */
export const REPORT_CSS = `
:root { --ink: #1d1f23; --muted: #5d636d; --line: #dcdad3; --verified: #1e7a3c; --disputed: #b3261e; --unsourced: #9a6400; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 2rem 1.5rem; color: var(--ink); font: 15px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; }
a { overflow-wrap: anywhere; }
h1 { font: 600 1.9rem/1.25 Georgia, "Times New Roman", serif; margin: .2rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--line); padding-bottom: .3rem; }
.kicker, .note, footer, .none { color: var(--muted); }
.kicker { text-transform: uppercase; letter-spacing: .06em; font-size: .8rem; margin: 0; }
.note { font-size: .85rem; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: .4rem 1.5rem; margin: 0; }
.facts dt { font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid var(--line); }
thead th { font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
table.summary { width: auto; min-width: 22rem; }
.article-text { font: 1.02rem/1.7 Georgia, "Times New Roman", serif; max-width: 46rem; }
.article-text p { margin: 0 0 .9rem; }
.article-text h3 { font: 600 1.08rem/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.3rem 0 .5rem; }
.article-text blockquote { margin: 0 0 .9rem; padding-left: .9rem; border-left: 3px solid var(--line); font-style: italic; }
.article-text ul { margin: 0 0 .9rem; padding-left: 1.4rem; }
.article-text li { margin: 0 0 .3rem; }
mark.claim { background: transparent; color: inherit; text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: .2em; }
mark.claim.v-verified { background: #e6f3ea; text-decoration-color: var(--verified); }
mark.claim.v-disputed { background: #fbe7e5; text-decoration-color: var(--disputed); text-decoration-style: double; }
mark.claim.v-unsourced { background: #fbf0dc; text-decoration-color: var(--unsourced); text-decoration-style: dashed; }
mark.claim mark.claim { text-underline-offset: .45em; }
mark.claim:target { outline: 2px solid #1a56db; }
sup.ref { font: 600 .7rem system-ui, sans-serif; margin-left: .1rem; }
sup.ref a { text-decoration: none; }
table.claims th:nth-child(2) { width: 24%; }
table.claims th:nth-child(4) { width: 28%; }
table.claims th:nth-child(5) { width: 20%; }
table.claims td { overflow-wrap: break-word; }
table.claims td.num { font-variant-numeric: tabular-nums; font-weight: 600; }
table.claims blockquote { margin: 0; font-family: Georgia, serif; border-left: 3px solid var(--line); padding-left: .5rem; }
table.claims tr.v-verified blockquote { border-left-color: var(--verified); }
table.claims tr.v-disputed blockquote { border-left-color: var(--disputed); border-left-style: double; border-left-width: 4px; }
table.claims tr.v-unsourced blockquote { border-left-color: var(--unsourced); border-left-style: dashed; }
table.claims ul { margin: 0; padding-left: 1rem; }
table.claims p, .rationale p { margin: 0 0 .3rem; }
.verdict { font-weight: 600; white-space: nowrap; }
.verdict.v-verified { color: var(--verified); }
.verdict.v-disputed { color: var(--disputed); }
.verdict.v-unsourced { color: var(--unsourced); }
.evidence.deleted { color: var(--muted); }
.disagreement { font-weight: 600; }
.anchor-note { font-size: .85rem; font-weight: 600; color: var(--disputed); margin: .3rem 0 0; }
.rejection { border-top: 1px solid var(--line); padding: .5rem 0; }
.rejection h3 { font-size: 1rem; margin: .2rem 0 .4rem; }
.rejection ul { margin: 0 0 .4rem; padding-left: 0; list-style: none; }
.rejection blockquote { margin: 0 0 .2rem; font-family: Georgia, serif; color: var(--muted); border-left: 3px dotted var(--line); padding-left: .5rem; }
footer { margin-top: 2rem; font-size: .8rem; }
@media (max-width: 48rem) {
  body { padding: 1rem; }
  table.summary { min-width: 0; }
}
@media (max-width: 60rem), print {
  table.claims, table.claims tbody, table.claims tr, table.claims td { display: block; width: auto; }
  table.claims thead { display: none; }
  table.claims tr { border-top: 1px solid var(--line); padding: .5rem 0; }
  table.claims td { border: 0; padding: .2rem 0; }
  table.claims td:empty { display: none; }
  table.claims td[data-label]::before { content: attr(data-label); display: block; font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
}
@media print {
  @page { margin: 16mm 14mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  a { color: inherit; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .8em; color: var(--muted); overflow-wrap: anywhere; }
  sup.ref a::after, footer a::after { content: none; }
  mark.claim { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  h2, .article-text h3 { break-after: avoid; }
  tr, blockquote, .rejection { break-inside: avoid; }
  thead { display: table-header-group; }
  #claims { break-before: page; }
}
`;
