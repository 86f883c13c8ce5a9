import { describe, expect, it } from "vitest";
import { pageArticle } from "./html.ts";
import { schemaProblems, spanProblems } from "./validate.ts";
import { processDocument } from "./worker.ts";

// Sentences from corpus/000_8a651a583932578d.txt, laid out as a news page with navigation and a footer around the article.
const PAGE = `<!doctype html><html><head>
<title>IMU declares it is now part of the Islamic State | Long War Journal</title>
<link rel="canonical" href="https://example.org/imu-islamic-state">
<meta property="article:published_time" content="2015-08-06T14:30:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article>
<h1>IMU declares it is now part of the Islamic State</h1>
<p>The Islamic Movement of Uzbekistan, a jihadist group that has fought alongside <a href="/t">the Taliban</a> and al Qaeda for more than a decade,
has sworn allegiance to the Islamic State.</p>
<p>The IMU announced its allegiance in a statement released on August 6th.<br>Usman Ghazi, the group's emir, read the statement.</p>
<p>The group has been based in Pakistan's tribal areas since the US invasion of Afghanistan in 2001, and has been led by Usman Ghazi since 2012.</p>
</article>
<footer>© 2015 Long War Journal. All rights reserved.</footer>
</body></html>`;

describe("pageArticle", () => {
  const article = pageArticle(PAGE)!;

  it("keeps the headline and the article's paragraphs, drops navigation and footer", () => {
    expect(article.text.split("\n\n")).toEqual([
      "IMU declares it is now part of the Islamic State",
      "The Islamic Movement of Uzbekistan, a jihadist group that has fought alongside the Taliban and al Qaeda for more than a decade, has sworn allegiance to the Islamic State.",
      "The IMU announced its allegiance in a statement released on August 6th.\nUsman Ghazi, the group's emir, read the statement.",
      "The group has been based in Pakistan's tribal areas since the US invasion of Afghanistan in 2001, and has been led by Usman Ghazi since 2012.",
    ]);
  });

  it("reads the publication date and canonical address from the page's metadata", () => {
    expect(article.published).toBe("2015-08-06");
    expect(article.url).toBe("https://example.org/imu-islamic-state");
  });

  it("finds no article in a page without text", () => {
    expect(pageArticle("<html><body><nav><a href='/'>Home</a></nav></body></html>")).toBeNull();
  });
});

describe("processDocument on a web page", () => {
  it("carries the extracted text in the record, and its offsets index that text", async () => {
    const result = await processDocument({ input: { id: "imu-page", text: PAGE }, markup: "html" });
    if (!("record" in result)) throw new Error(result.failure.message);
    const { record } = result;
    expect(record.text).toBe(pageArticle(PAGE)!.text);
    expect(record.published).toBe("2015-08-06");
    expect(record.dctSource).toBe("metadata");
    expect(schemaProblems(record)).toEqual([]);
    expect(spanProblems(record, record.text!)).toEqual([]);
    expect(record.times.map((t) => t.text)).toContain("August 6th");
  });
});
