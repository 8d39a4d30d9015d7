/** The deployment's values for the template's `{{name}}` placeholders. */
export type TemplateValues = Record<string, string>;

/** Replaces `{{name}}` in every string of the template with its value; the template stays untouched. */
export function fillTemplate(node: unknown, values: TemplateValues): unknown {
  if (typeof node === 'string') return node.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
  if (Array.isArray(node)) return node.map((item) => fillTemplate(item, values));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fillTemplate(value, values)]));
  }
  return node;
}

/** `file/pointer: …` for every placeholder no value was given for (a typo in the template). */
export function unfilledPlaceholders(node: unknown, file: string, pointer = ''): string[] {
  if (typeof node === 'string') {
    const left = node.match(/\{\{\w+\}\}/g);
    return left ? [`${file}${pointer}: has no value for ${left.join(', ')}`] : [];
  }
  if (Array.isArray(node)) return node.flatMap((item, i) => unfilledPlaceholders(item, file, `${pointer}/${i}`));
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, value]) => unfilledPlaceholders(value, file, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  }
  return [];
}
