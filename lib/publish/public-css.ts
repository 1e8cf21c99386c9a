/**
 * The stylesheet of the public pages, served at /f/style.css (a file of its
 * own, not inline, so the pages need no style nonce or hash under a strict
 * Content-Security-Policy; its version in the URL lets browsers keep it for a
 * year). Verdicts differ by icon and line style as well as colour (solid,
 * double, dashed), so they survive colour blindness and black-and-white
 * printing. Phone widths get one column; print drops navigation and shows
 * link targets of the sources.
 */
import { createHash } from "node:crypto";

export const PUBLIC_CSS = `
:root { --ink: #1d1f23; --muted: #5a6069; --line: #dcdad3; --paper: #fbfaf7; --surface: #fff; --accent: #1a4fb8;
  --verified: #1e7a3c; --disputed: #b3261e; --unsourced: #8a5a00; --verified-bg: #e6f3ea; --disputed-bg: #fbe7e5; --unsourced-bg: #fbf0dc; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
a { color: var(--accent); }
a:focus-visible, summary:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--surface); padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: .5rem; top: .5rem; }
.site { border-bottom: 1px solid var(--line); background: var(--surface); }
.site-inner, main, .site-footer { max-width: 52rem; margin: 0 auto; padding: 0 1.25rem; }
.site-inner { display: flex; align-items: center; gap: .75rem; min-height: 3.5rem; flex-wrap: wrap; }
.site-inner img { height: 2rem; width: auto; }
.site-name { font-weight: 700; text-decoration: none; color: var(--ink); }
.site-nav { margin-left: auto; font-size: .9rem; }
main { padding-top: 1.5rem; padding-bottom: 2rem; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: .78rem; font-weight: 700; color: var(--muted); margin: 0; }
h1 { font: 700 2rem/1.2 Georgia, "Times New Roman", serif; margin: .3rem 0 .75rem; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin: 2.25rem 0 .75rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
.meta, .dates, .muted { color: var(--muted); }
.meta { margin: 0 0 .25rem; overflow-wrap: anywhere; }
.dates { margin: 0 0 1rem; font-size: .92rem; }
.updated { font-weight: 700; color: var(--ink); }
.byline { margin: 0 0 1rem; }
.notice { border: 2px solid var(--disputed); background: var(--disputed-bg); padding: .9rem 1rem; border-radius: 6px; margin: 1rem 0; }
.notice h2 { border: 0; margin: 0 0 .4rem; padding: 0; color: var(--disputed); }
.notice p { margin: .25rem 0; }
.summary { background: var(--surface); border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; }
.summary p { margin: .25rem 0; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; list-style: none; padding: 0; margin: .25rem 0; }
.note { font-size: .88rem; color: var(--muted); }
.claims { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: 1rem; }
.claim { background: var(--surface); border: 1px solid var(--line); border-left: 5px solid var(--line); border-radius: 6px; padding: .9rem 1rem; scroll-margin-top: 1rem; }
.claim:target { box-shadow: 0 0 0 3px var(--accent); }
.claim.v-verified { border-left-color: var(--verified); }
.claim.v-disputed { border-left-color: var(--disputed); border-left-style: double; border-left-width: 7px; }
.claim.v-unsourced { border-left-color: var(--unsourced); border-left-style: dashed; }
.claim-head { display: flex; align-items: baseline; gap: .6rem; flex-wrap: wrap; margin: 0 0 .5rem; }
.claim-num { font-weight: 700; color: var(--muted); text-decoration: none; font-variant-numeric: tabular-nums; }
.verdict { display: inline-flex; align-items: center; gap: .3rem; font-weight: 700; padding: .05rem .55rem; border-radius: 999px; border: 1px solid currentColor; }
.verdict.v-verified { color: var(--verified); background: var(--verified-bg); }
.verdict.v-disputed { color: var(--disputed); background: var(--disputed-bg); }
.verdict.v-unsourced { color: var(--unsourced); background: var(--unsourced-bg); border-style: dashed; }
.claim blockquote { margin: 0 0 .5rem; font: 1.05rem/1.55 Georgia, "Times New Roman", serif; padding-left: .75rem; border-left: 3px solid var(--line); overflow-wrap: anywhere; }
.speaker { margin: 0 0 .5rem; font-size: .92rem; color: var(--muted); overflow-wrap: anywhere; }
.rationale p { margin: 0 0 .5rem; }
.rationale { overflow-wrap: anywhere; }
.sources { margin: .5rem 0 0; }
.sources h3 { font-size: .85rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: .5rem 0 .25rem; }
.sources ul { margin: 0; padding-left: 1.1rem; }
.sources li { margin: .2rem 0; overflow-wrap: anywhere; }
.stance { font-size: .8rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.article-text { background: var(--surface); border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem; font: 1.05rem/1.75 Georgia, "Times New Roman", serif; overflow-wrap: anywhere; }
.article-text p { margin: 0 0 1rem; }
.article-text p:last-child { margin-bottom: 0; }
.article-text h3 { font: 700 1.1rem/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.4rem 0 .5rem; }
.article-text h3:first-child { margin-top: 0; }
.article-text blockquote { margin: 0 0 1rem; padding-left: .9rem; border-left: 3px solid var(--line); font-style: italic; }
.article-text blockquote p { margin-bottom: .5rem; }
.article-text ul { margin: 0 0 1rem; padding-left: 1.4rem; }
.article-text li { margin: 0 0 .35rem; }
mark.hl { color: inherit; background: transparent; text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: .22em; }
mark.hl.v-verified { background: var(--verified-bg); text-decoration-color: var(--verified); }
mark.hl.v-disputed { background: var(--disputed-bg); text-decoration-color: var(--disputed); text-decoration-style: double; }
mark.hl.v-unsourced { background: var(--unsourced-bg); text-decoration-color: var(--unsourced); text-decoration-style: dashed; }
mark.hl mark.hl { text-underline-offset: .45em; }
a.ref { font: 700 .72rem system-ui, sans-serif; vertical-align: super; text-decoration: none; margin-left: .1rem; padding: 0 .15rem; }
.log { padding-left: 1.2rem; }
.log li { margin: .3rem 0; }
.factchecks { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: .75rem; }
.factchecks li { background: var(--surface); border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; }
.factchecks h2 { border: 0; margin: 0 0 .25rem; padding: 0; font: 700 1.15rem/1.3 Georgia, serif; }
.factchecks p { margin: .15rem 0; }
.withdrawn { color: var(--disputed); font-weight: 700; }
.site-footer { border-top: 1px solid var(--line); padding-top: 1rem; padding-bottom: 2rem; font-size: .88rem; color: var(--muted); }
.site-footer ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1rem; margin: .5rem 0 0; }
@media (max-width: 40rem) {
  body { font-size: 15.5px; }
  h1 { font-size: 1.55rem; }
  .site-inner, main, .site-footer { padding-left: 1rem; padding-right: 1rem; }
  .claim { padding: .75rem .8rem; }
  .article-text { padding: .8rem .9rem; font-size: 1rem; }
  .site-nav { margin-left: 0; width: 100%; padding-bottom: .5rem; }
}
@media print {
  :root { --paper: #fff; }
  body { font-size: 11pt; }
  .skip, .site-nav, .site-footer ul { display: none; }
  .site { border: 0; }
  main { padding-top: 0; }
  .claim, .summary, .article-text, .factchecks li { break-inside: avoid; border-color: #999; }
  .claim:target { box-shadow: none; }
  .sources a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .8em; color: var(--muted); overflow-wrap: anywhere; }
  h2 { break-after: avoid; }
  a { color: inherit; }
}
`;

/** A short hash of the stylesheet, put in its URL so a changed sheet is a new address. */
export const PUBLIC_CSS_VERSION = createHash("sha256").update(PUBLIC_CSS).digest("hex").slice(0, 12);
