/**
 * The article in a web page: @mozilla/readability finds the main content
 * (over linkedom's DOM, which is far lighter than jsdom), and its blocks
 * become paragraphs of plain text separated by blank lines, headline first.
 * The stages then run over this text, so the record carries it (`text`) and
 * its offsets index it.
 */
import { isProbablyReaderable, Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

export interface PageArticle {
  text: string;
  /** ISO date from the page's metadata (article:published_time, JSON-LD …), when it has one. */
  published?: string;
  /** The page's canonical address, when it declares one. */
  url?: string;
}

/** Elements that start a new paragraph of text. */
const BLOCKS = new Set(
  "ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TD TH TR UL".split(
    " ",
  ),
);
/** The shortest paragraph that makes a page count as an article (readability's default is 140). */
const MIN_PARAGRAPH_CHARS = 80;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Plain text of a DOM subtree: whitespace collapsed, one paragraph per block, walked without recursion so deep nesting cannot overflow the stack. */
function blockText(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let line = "";
  const breakLine = () => {
    const trimmed = line.trim();
    if (trimmed) paragraphs.push(trimmed);
    line = "";
  };
  const stack: (DomNode | "end-block")[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === "end-block") {
      breakLine();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      line += (node.textContent ?? "").replace(/\s+/g, " ");
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    if (node.nodeName === "BR") line += "\n";
    const block = BLOCKS.has(node.nodeName);
    if (block) {
      breakLine();
      stack.push("end-block");
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  breakLine();
  return paragraphs.map((p) => p.replace(/ *\n */g, "\n"));
}

/** The main article of an HTML page, or null when the page has none that readability can find. */
export function pageArticle(html: string): PageArticle | null {
  const { document } = parseHTML(html);
  const url =
    document.querySelector('link[rel="canonical"]')?.getAttribute("href") ??
    document.querySelector('meta[property="og:url"]')?.getAttribute("content") ??
    undefined;
  // Readability returns whatever text it can find; its own pre-check tells an article from a page of links.
  if (!isProbablyReaderable(document as unknown as Document, { minContentLength: MIN_PARAGRAPH_CHARS })) return null;
  const article = new Readability(document as unknown as Document).parse();
  if (!article?.content) return null;
  const body = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body;
  const paragraphs = blockText(body as unknown as DomNode);
  const title = article.title?.replace(/\s+/g, " ").trim();
  // The headline: the content's own when it opens with a heading (readability turns <h1> into <h2>), else the page title.
  const heading = body.querySelector("h1, h2")?.textContent?.replace(/\s+/g, " ").trim();
  if (title && paragraphs[0] !== heading && paragraphs[0] !== title) paragraphs.unshift(title);
  if (paragraphs.length === 0) return null;
  const published = article.publishedTime && ISO_DATE.test(article.publishedTime) ? article.publishedTime.slice(0, 10) : undefined;
  return { text: paragraphs.join("\n\n"), ...(published ? { published } : {}), ...(url ? { url } : {}) };
}
