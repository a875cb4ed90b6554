/**
 * Test-only checks on generated SVG: a tiny XML well-formedness checker (balanced tags, quoted
 * attributes, escaped text, single <svg> root) and attribute/number sanity checks.
 */
import assert from "node:assert/strict";

const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const ATTRIBUTES = /^(\s+[A-Za-z_:][\w:.-]*="[^"<]*")*\s*$/;

/** Throws unless svg is well-formed XML with a single <svg> root element. */
export function assertWellFormedSvg(svg: string): void {
  const stack: string[] = [];
  let roots = 0;
  const tokens = svg.trim().match(/<[^>]*>|[^<]+/g) ?? [];
  assert.equal(tokens.join(""), svg.trim(), "stray '<' without a closing '>'");
  for (const token of tokens) {
    if (!token.startsWith("<")) {
      assert.ok(stack.length > 0 || token.trim() === "", `text outside the root: ${token}`);
      assert.ok(!/[<>]/.test(token), `unescaped bracket in text: ${token}`);
      assert.ok(!token.replace(ENTITY, "").includes("&"), `unescaped & in text: ${token}`);
      continue;
    }
    const closing = /^<\/([A-Za-z][\w:-]*)\s*>$/.exec(token);
    if (closing) {
      assert.equal(stack.pop(), closing[1], `mismatched </${closing[1]}>`);
      continue;
    }
    const opening = /^<([A-Za-z][\w:-]*)([^>]*?)(\/?)>$/.exec(token);
    assert.ok(opening, `malformed tag: ${token}`);
    const [, name, attributes, selfClosing] = opening;
    assert.ok(ATTRIBUTES.test(attributes), `malformed attributes in ${token}`);
    assert.ok(!attributes.replace(ENTITY, "").includes("&"), `unescaped & in ${token}`);
    const names = [...attributes.matchAll(/([\w:.-]+)="/g)].map((m) => m[1]);
    assert.equal(new Set(names).size, names.length, `duplicate attribute in ${token}`);
    if (stack.length === 0) {
      roots++;
      assert.equal(name, "svg", "root element must be <svg>");
    }
    if (!selfClosing) stack.push(name);
  }
  assert.equal(stack.length, 0, `unclosed tags: ${stack.join(", ")}`);
  assert.equal(roots, 1, "exactly one root element");
}

/** No NaN/Infinity anywhere; every plain number in an attribute has ≤ 4 significant digits. */
export function assertCleanNumbers(svg: string): void {
  assert.ok(!/NaN|Infinity|undefined/.test(svg), "NaN, Infinity or undefined in the SVG");
  for (const m of svg.matchAll(/[\w-]+="([^"]*)"/g)) {
    for (const num of m[1].match(/-?\d*\.?\d+(e[+-]?\d+)?/g) ?? []) {
      const mantissa = num.replace(/^-/, "").replace(/e.*$/, "").replace(".", "");
      const significant = mantissa.replace(/^0+/, "").replace(/0+$/, "");
      assert.ok(significant.length <= 4, `more than 4 significant digits: ${num} in ${m[0]}`);
    }
  }
}

/** All elements with the given class, as attribute maps. */
export function elementsOfClass(svg: string, tag: string, cls: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const re = new RegExp(`<${tag}\\s[^>]*class="${cls}"[^>]*>`, "g");
  for (const m of svg.matchAll(re)) {
    const attrs: Record<string, string> = {};
    for (const a of m[0].matchAll(/([\w:.-]+)="([^"]*)"/g)) attrs[a[1]] = a[2];
    out.push(attrs);
  }
  return out;
}
