import { describe, expect, it } from "vitest";
import { replaceCorrectResponse, sameKey, splitValues } from "./qti-key";

const xml = `<qti-assessment-item identifier="X">
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier">
    <qti-correct-response><qti-value>A</qti-value></qti-correct-response>
  </qti-response-declaration>
  <qti-response-declaration identifier="RESPONSE2" cardinality="multiple" base-type="identifier">
    <qti-correct-response>
      <qti-value>B</qti-value>
      <qti-value>C</qti-value>
    </qti-correct-response>
  </qti-response-declaration>
  <qti-item-body><p>1 &lt; 2</p></qti-item-body>
</qti-assessment-item>`;

describe("rewriting an item's key", () => {
  it("changes only the named declaration's key", () => {
    const next = replaceCorrectResponse(xml, "RESPONSE", ["C"])!;
    expect(next).toContain('<qti-correct-response><qti-value>C</qti-value></qti-correct-response>\n  </qti-response-declaration>\n  <qti-response-declaration identifier="RESPONSE2"');
    expect(next.replace("<qti-value>C</qti-value></qti-correct-response>\n  </qti-response-declaration>\n  <qti-response-declaration identifier=\"RESPONSE2\"", "")).not.toContain("<qti-value>A</qti-value>");
    expect(next).toContain("<qti-value>B</qti-value>\n      <qti-value>C</qti-value>");
    expect(next.slice(next.indexOf("<qti-item-body>"))).toBe(xml.slice(xml.indexOf("<qti-item-body>")));
  });

  it("writes several values in order and escapes them", () => {
    const next = replaceCorrectResponse(xml, "RESPONSE2", ["A", "x<y & z"])!;
    expect(next).toContain("<qti-correct-response><qti-value>A</qti-value><qti-value>x&lt;y &amp; z</qti-value></qti-correct-response>");
    expect(next).toContain("<qti-value>A</qti-value></qti-correct-response>\n  </qti-response-declaration>\n  <qti-response-declaration identifier=\"RESPONSE2\"");
  });

  it("refuses an unknown declaration rather than guessing", () => {
    expect(replaceCorrectResponse(xml, "OTHER", ["A"])).toBeNull();
    expect(replaceCorrectResponse(xml, "RESPONSE.*", ["A"])).toBeNull();
  });

  it("compares keys by set, except where order counts", () => {
    expect(sameKey(["A", "B"], ["B", "A"], "multiple")).toBe(true);
    expect(sameKey(["A", "B"], ["B", "A"], "ordered")).toBe(false);
    expect(sameKey(["A"], ["A", "B"], "multiple")).toBe(false);
  });

  it("splits typed values by line or comma", () => {
    expect(splitValues("A B\n C  D ,E F,\n")).toEqual(["A B", "C D", "E F"]);
  });
});
