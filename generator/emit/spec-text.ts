/**
 * Descriptions and summaries from the spec, as the Markdown that JSDoc hovers and the README
 * render. OpenAPI says they are CommonMark, but some APIs (Stripe) write HTML: that is converted
 * to Markdown, so neither shows `<p>…</p>`. Escaping for where the text goes (a comment, a README
 * line) happens after this, at the place it goes.
 */
import { createRequire } from "node:module";
import type { NodeHtmlMarkdown } from "node-html-markdown";
import { jsdocLines } from "./code/literals.js";

/**
 * An element that HTML descriptions use. Only these make a text HTML: `List<String>`, `<token>`
 * or `Bearer <api_key>` are placeholders in Markdown text (GitHub's spec has such), and converting
 * that text would escape its Markdown.
 */
const HTML_TAG =
  /<\/?(?:a|abbr|b|blockquote|br|code|dd|del|div|dl|dt|em|h[1-6]|hr|i|img|kbd|li|ol|p|pre|s|small|span|strong|sub|sup|table|tbody|td|th|thead|tr|u|ul)(?:\s[^<>]*)?\/?>/i;

/** The text as Markdown: converted when it holds HTML elements, else unchanged (byte for byte). */
export function specMarkdown(text: string): string {
  if (!HTML_TAG.test(text)) return text;
  let markdown = converted.get(text);
  if (markdown === undefined) {
    markdown = htmlConverter().translate(text);
    converted.set(text, markdown);
  }
  return markdown;
}

/** JSDoc lines for spec text (see `jsdocLines` for the escaping). */
export function specDocLines(text: string): string[] {
  return jsdocLines(specMarkdown(text));
}

/** The first sentence of Markdown text, on one line (a heading's worth of a long description). */
export function firstSentence(markdown: string): string {
  const paragraph = (markdown.trim().split(/\n\s*\n/)[0] ?? "").replace(/\s+/g, " ");
  // Most summaries are one short sentence; the segmenter costs ~0.1 ms a call (0.12 s on GitHub's).
  if (!/[.!?。] /.test(paragraph)) return paragraph;
  const [first] = sentences.segment(paragraph);
  return (first?.segment ?? paragraph).trim();
}

const sentences = new Intl.Segmenter("en", { granularity: "sentence" });

/** Each description is converted for its JSDoc and again for the README. */
const converted = new Map<string, string>();

let converter: NodeHtmlMarkdown | undefined;

/**
 * Loaded on the first HTML description (~0.2 s, with its HTML parser), so the many specs that
 * have none never load it. `require` keeps emission synchronous; the package is CommonJS.
 */
function htmlConverter(): NodeHtmlMarkdown {
  if (converter === undefined) {
    const { NodeHtmlMarkdown: Converter } = createRequire(import.meta.url)("node-html-markdown") as typeof import("node-html-markdown");
    converter = new Converter({ bulletMarker: "-" });
  }
  return converter;
}
