/**
 * Checks the schema cannot make: that each key of a localization file names a string in the
 * manifest (a stale key after a command was removed would translate nothing, or the wrong command),
 * and that every bot command and the app's name and descriptions are translated, so nobody writing
 * in Norwegian or Swedish is shown English commands.
 */
export function translationProblems(manifest: Record<string, unknown>, translation: Record<string, unknown>, file: string): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(translation)) {
    if (key === '$schema' || key === 'localizationKeys') continue;
    if (typeof valueAt(manifest, key) !== 'string') problems.push(`${file}/${key}: names nothing in manifest.json`);
  }
  for (const key of keysToTranslate(manifest)) {
    if (!(key in translation)) problems.push(`${file}/${key}: is missing (no translation of ${JSON.stringify(valueAt(manifest, key))})`);
  }
  return problems;
}

/** Reads `bots[0].commandLists[0].commands[2].title` (the localization key syntax) from the manifest. */
function valueAt(root: unknown, key: string): unknown {
  let node = root;
  for (const segment of key.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(segment);
    if (!match) return undefined;
    node = step(node, match[1]!);
    for (const index of match[2]!.match(/\d+/g) ?? []) node = step(node, Number(index));
  }
  return node;
}

function step(node: unknown, key: string | number): unknown {
  if (typeof key === 'number') return Array.isArray(node) ? node[key] : undefined;
  return node && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined;
}

/** The texts a person reads: the app's name and descriptions, and every bot command. */
function keysToTranslate(manifest: Record<string, unknown>): string[] {
  const keys = ['name.full', 'description.short', 'description.full'].filter((k) => typeof valueAt(manifest, k) === 'string');
  const bots = Array.isArray(manifest.bots) ? manifest.bots : [];
  const lists = (bots[0] as { commandLists?: { commands?: { description?: unknown }[] }[] } | undefined)?.commandLists ?? [];
  lists.forEach((list, l) =>
    (list.commands ?? []).forEach((command, c) => {
      keys.push(`bots[0].commandLists[${l}].commands[${c}].title`);
      if (typeof command.description === 'string') keys.push(`bots[0].commandLists[${l}].commands[${c}].description`);
    }),
  );
  return keys;
}
