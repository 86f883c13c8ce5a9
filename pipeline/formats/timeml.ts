/**
 * The time layer of a record as TimeML, laid out as the TempEval-3 files
 * are: the document creation time in <DCT> (a TIMEX3 with
 * functionInDocument="CREATION_TIME"), the text in <TEXT> with each time
 * expression wrapped inline in <TIMEX3 tid type value [mod]>. Text is
 * escaped (&amp; &lt; &gt;, CR as &#13;), attribute values too (&quot;), so the text
 * read back from <TEXT> is the record's text character for character and
 * the offsets of the TIMEX3 tags are the record's offsets.
 */
import type { DocumentRecord } from "../schema.ts";

// A raw CR would come back as LF (XML normalizes line ends), so it goes out as a character reference.
const escapeText = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
// Attribute values also have their tabs and line breaks normalized to spaces unless referenced.
const escapeAttribute = (text: string) =>
  escapeText(text).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");

/** Characters XML 1.0 cannot hold at all, not even as character references. */
const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function toTimeml(record: DocumentRecord, text: string): string {
  const bad = NOT_XML.exec(text);
  if (bad)
    throw new Error(`character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")} at offset ${bad.index} cannot be written in XML`);
  const times = [...record.times].sort((a, b) => a.start - b.start || b.end - a.end);
  let body = "";
  let at = 0;
  times.forEach((t, i) => {
    if (t.start < at)
      throw new Error(`times: "${t.text}" at [${t.start}, ${t.end}) overlaps the time expression before it; TIMEX3 tags cannot overlap`);
    const mod = t.mod ? ` mod="${t.mod}"` : "";
    body += `${escapeText(text.slice(at, t.start))}<TIMEX3 tid="t${i + 1}" type="${t.type}" value="${escapeAttribute(t.value)}"${mod}>${escapeText(t.text)}</TIMEX3>`;
    at = t.end;
  });
  body += escapeText(text.slice(at));
  const dct = record.published
    ? `<DCT><TIMEX3 tid="t0" type="DATE" value="${record.published}" temporalFunction="false" functionInDocument="CREATION_TIME">${record.published}</TIMEX3></DCT>\n`
    : "";
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n` +
    `<DOCID>${escapeText(record.id)}</DOCID>\n` +
    dct +
    `<TEXT>${body}</TEXT>\n` +
    `</TimeML>\n`
  );
}
