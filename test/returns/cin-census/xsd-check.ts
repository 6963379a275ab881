// A small structural checker for the CIN census XML against the DfE schema copied into
// test/returns/fixtures (no XSD validator library is installed): element order and occurrence of
// every xs:sequence, and the enumerations, patterns and date formats of the simple types used.
import { create } from 'xmlbuilder2';

interface Particle {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly type: Type;
}
type Type = { kind: 'complex'; sequence: Particle[] } | { kind: 'simple'; check: (value: string) => boolean; describe: string };

type DomNode = {
  nodeType: number;
  nodeName: string;
  localName?: string;
  childNodes: ArrayLike<DomNode>;
  textContent: string | null;
  getAttribute?: (n: string) => string | null;
};

const elements = (node: DomNode): DomNode[] => Array.from(node.childNodes).filter((n) => n.nodeType === 1);
const local = (n: DomNode): string => n.nodeName.replace(/^xs:/, '');
const attr = (n: DomNode, name: string): string | null => n.getAttribute?.(name) ?? null;

const BUILT_IN: Record<string, (v: string) => boolean> = {
  'xs:string': () => true,
  'xs:date': (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
  'xs:gYear': (v) => /^\d{4}$/.test(v),
  'xs:dateTime': (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(v),
  'xs:integer': (v) => /^-?\d+$/.test(v),
};

export function loadSchema(xsd: string): Particle {
  const schema = create(xsd).root().node as unknown as DomNode;
  const named = new Map<string, DomNode>();
  for (const n of elements(schema)) {
    const name = attr(n, 'name');
    if (name !== null && (local(n) === 'complexType' || local(n) === 'simpleType')) named.set(name, n);
  }
  const simple = (n: DomNode): Type => {
    const restriction = elements(n).find((c) => local(c) === 'restriction');
    if (restriction === undefined) return { kind: 'simple', check: () => true, describe: 'any' };
    const base = attr(restriction, 'base') ?? 'xs:string';
    const baseCheck = BUILT_IN[base] ?? (named.has(base) ? (v: string) => (typeOf(base) as { check: (v: string) => boolean }).check(v) : () => true);
    const enums = elements(restriction)
      .filter((c) => local(c) === 'enumeration')
      .map((c) => attr(c, 'value') ?? '');
    const patterns = elements(restriction)
      .filter((c) => local(c) === 'pattern')
      .map((c) => new RegExp(`^(?:${attr(c, 'value') ?? ''})$`));
    const minLength = elements(restriction).find((c) => local(c) === 'minLength');
    const minInclusive = elements(restriction).find((c) => local(c) === 'minInclusive');
    return {
      kind: 'simple',
      describe: enums.length > 0 ? `one of ${enums.join(', ')}` : patterns.map(String).join(' ') || base,
      check: (v) =>
        baseCheck(v) &&
        (enums.length === 0 || enums.includes(v)) &&
        patterns.every((p) => p.test(v)) &&
        (minLength === undefined || v.length >= Number(attr(minLength, 'value'))) &&
        (minInclusive === undefined || Number(v) >= Number(attr(minInclusive, 'value'))),
    };
  };
  const complex = (n: DomNode): Type => {
    const seq = elements(n).find((c) => local(c) === 'sequence');
    return {
      kind: 'complex',
      sequence:
        seq === undefined
          ? []
          : elements(seq)
              .filter((c) => local(c) === 'element')
              .map(particle),
    };
  };
  const cache = new Map<string, Type>();
  function typeOf(name: string): Type {
    const builtIn = BUILT_IN[name];
    if (builtIn !== undefined) return { kind: 'simple', check: builtIn, describe: name };
    const hit = cache.get(name);
    if (hit !== undefined) return hit;
    const n = named.get(name);
    if (n === undefined) throw new Error(`type ${name} not in schema`);
    const placeholder: Type = { kind: 'complex', sequence: [] };
    cache.set(name, placeholder);
    const t = local(n) === 'complexType' ? complex(n) : simple(n);
    cache.set(name, t);
    return t;
  }
  function particle(n: DomNode): Particle {
    const typeName = attr(n, 'type');
    const inline = elements(n).find((c) => local(c) === 'complexType' || local(c) === 'simpleType');
    const type =
      typeName !== null ? typeOf(typeName) : inline === undefined ? typeOf('xs:string') : local(inline) === 'complexType' ? complex(inline) : simple(inline);
    const max = attr(n, 'maxOccurs');
    return { name: attr(n, 'name') ?? '', min: Number(attr(n, 'minOccurs') ?? '1'), max: max === 'unbounded' ? Infinity : Number(max ?? '1'), type };
  }
  const root = elements(schema).find((c) => local(c) === 'element');
  if (root === undefined) throw new Error('no root element');
  return particle(root);
}

/** Every way the document departs from the schema, as paths and reasons. */
export function checkAgainstSchema(xml: string, root: Particle): string[] {
  const problems: string[] = [];
  const doc = create(xml).root().node as unknown as DomNode;
  const visit = (node: DomNode, p: Particle, path: string): void => {
    if (node.nodeName !== p.name) {
      problems.push(`${path}: expected <${p.name}>, found <${node.nodeName}>`);
      return;
    }
    if (p.type.kind === 'simple') {
      const v = node.textContent ?? '';
      if (!p.type.check(v)) problems.push(`${path}: "${v}" is not ${p.type.describe}`);
      return;
    }
    const kids = elements(node);
    let i = 0;
    for (const child of p.type.sequence) {
      let count = 0;
      while (i < kids.length && kids[i]?.nodeName === child.name) {
        const kid = kids[i];
        if (kid !== undefined) visit(kid, child, `${path}/${child.name}[${String(count + 1)}]`);
        i++;
        count++;
      }
      if (count < child.min) problems.push(`${path}: <${child.name}> required (minOccurs ${String(child.min)}), found ${String(count)}`);
      if (count > child.max) problems.push(`${path}: <${child.name}> at most ${String(child.max)}, found ${String(count)}`);
    }
    for (; i < kids.length; i++) problems.push(`${path}: <${kids[i]?.nodeName ?? '?'}> not allowed here (out of order or unknown)`);
  };
  visit(doc, root, `/${root.name}`);
  return problems;
}
